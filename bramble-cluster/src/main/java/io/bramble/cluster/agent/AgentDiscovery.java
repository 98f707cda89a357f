package io.bramble.cluster.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the agents installed on this node (the one class of this package that reads the
 * disk). ocf agents are the executable files under {@code DIR/PROVIDER/}; LSB agents the
 * executable scripts of {@code /etc/init.d}; systemd agents the service units (templates left
 * out) when systemd runs; {@code service} agents are the LSB and systemd ones together; fence
 * agents the executable {@code fence_*} files.
 */
public final class AgentDiscovery {
    /** Entries read per directory; a directory with more is cut there. */
    static final int ENTRIES_PER_DIRECTORY_MAX = 10_000;

    private AgentDiscovery() {
    }

    public static AgentCatalog discover(AgentDirectories directories) {
        Set<AgentName> found = new LinkedHashSet<>();
        for (Path ocf : directories.ocfDirectories()) {
            for (Path provider : entries(ocf)) {
                if (!Files.isDirectory(provider)) {
                    continue;
                }
                for (Path agent : entries(provider)) {
                    if (isAgentFile(agent)) {
                        found.add(AgentName.ocf(name(provider), name(agent)));
                    }
                }
            }
        }
        List<String> services = new ArrayList<>();
        for (Path script : entries(directories.initDirectory())) {
            if (isAgentFile(script) && !name(script).equals("README")) {
                found.add(AgentName.of(AgentName.LSB, name(script)));
                services.add(name(script));
            }
        }
        if (directories.systemdRunning()) {
            for (Path units : directories.unitDirectories()) {
                for (Path unit : entries(units)) {
                    String file = name(unit);
                    if (file.endsWith(".service") && !file.endsWith("@.service")) {
                        String service = file.substring(0, file.length() - ".service".length());
                        found.add(AgentName.of(AgentName.SYSTEMD, service));
                        services.add(service);
                    }
                }
            }
        }
        services.forEach(s -> found.add(AgentName.of(AgentName.SERVICE, s)));
        for (Path fence : directories.fenceDirectories()) {
            for (Path agent : entries(fence)) {
                if (name(agent).startsWith("fence_") && isAgentFile(agent)) {
                    found.add(AgentName.of(AgentName.STONITH, name(agent)));
                }
            }
        }
        return new AgentCatalog(List.copyOf(found));
    }

    private static boolean isAgentFile(Path path) {
        return !name(path).startsWith(".") && Files.isRegularFile(path)
                && Files.isExecutable(path);
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }

    private static List<Path> entries(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path entry : stream) {
                if (entries.size() == ENTRIES_PER_DIRECTORY_MAX) {
                    break;
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return entries;
    }
}
