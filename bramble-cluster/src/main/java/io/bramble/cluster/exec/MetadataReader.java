package io.bramble.cluster.exec;

import io.bramble.cluster.agent.AgentAction;
import io.bramble.cluster.agent.AgentDirectories;
import io.bramble.cluster.agent.AgentException;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.MetadataParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gets an agent's meta-data as Pacemaker does: an ocf agent's {@code meta-data} action, a fence
 * agent's {@code action=metadata} on stdin; for an LSB script or a systemd unit, which have
 * none, the same small document Pacemaker makes up (start, stop, monitor; an LSB script's
 * descriptions from its {@code ### BEGIN INIT INFO} header, its timeouts in bare seconds as
 * {@code crm_resource --show-metadata lsb:NAME} shows them).
 */
public final class MetadataReader {
    /** Time an agent gets to print its meta-data. */
    public static final long METADATA_TIMEOUT_MS = 10_000;
    /** Lines of an LSB script read for its header. */
    private static final int LSB_HEADER_LINES_MAX = 200;

    private final LocalAgentRunner runner;
    private final AgentDirectories directories;
    private final ProcessShell shell;

    public MetadataReader(LocalAgentRunner runner, AgentDirectories directories,
            ProcessShell shell) {
        this.runner = runner;
        this.directories = directories;
        this.shell = shell;
    }

    /** The agent's meta-data, parsed; fails with pcs's words when there is none. */
    public AgentMetadata read(AgentName agent) {
        return switch (agent.standard()) {
            case AgentName.OCF -> ocf(agent);
            case AgentName.STONITH -> fence(agent);
            case AgentName.LSB -> lsb(agent, directories.initDirectory().resolve(agent.type()));
            case AgentName.SYSTEMD -> {
                if (!runner.hasUnit(agent.type())) {
                    throw notFound(agent);
                }
                yield unit(agent);
            }
            default -> runner.hasUnit(agent.type())
                    ? unit(agent)
                    : lsb(agent, directories.initDirectory().resolve(agent.type()));
        };
    }

    /**
     * What pcs says of an agent the machine does not have, from Pacemaker's
     * {@code crm_resource}: a {@code service:} agent is neither a systemd unit (systemd
     * running) nor an init script, a {@code systemd:} one is no unit of a running systemd, an
     * ocf or fence agent no program where those are installed.
     */
    private static AgentException notFound(AgentName agent) {
        return MetadataParser.unusable(agent, "crm_resource: Metadata query for "
                + agent.fullName() + " failed: No such device or address, Error performing "
                + "operation: No such object");
    }

    private AgentMetadata ocf(AgentName agent) {
        if (runner.locate(agent).isEmpty()) {
            throw notFound(agent);
        }
        try {
            return MetadataParser.parse(agent, runner.ocfMetadata(agent, METADATA_TIMEOUT_MS,
                    MetadataParser.METADATA_BYTES_MAX));
        } catch (IOException e) {
            throw MetadataParser.unusable(agent, e.getMessage());
        }
    }

    private AgentMetadata fence(AgentName agent) {
        Path program = directories.fenceDirectories().stream()
                .map(d -> d.resolve(agent.type())).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> notFound(agent));
        try {
            ProcessShell.Run run = shell.run(List.of(program.toString()),
                    OcfEnvironment.plain(),
                    Optional.of("action=metadata\n"), METADATA_TIMEOUT_MS,
                    MetadataParser.METADATA_BYTES_MAX);
            if (run.timedOut() || run.exitCode() != 0) {
                throw MetadataParser.unusable(agent, "metadata exited with "
                        + run.exitCode());
            }
            return MetadataParser.parse(agent, run.stdout());
        } catch (IOException e) {
            throw MetadataParser.unusable(agent, e.getMessage());
        }
    }

    private static AgentMetadata lsb(AgentName agent, Path script) {
        if (!Files.isRegularFile(script)) {
            throw notFound(agent);
        }
        String shortdesc = agent.type();
        String longdesc = "";
        try (var lines = Files.lines(script)) {
            for (String line : lines.limit(LSB_HEADER_LINES_MAX).toList()) {
                if (line.startsWith("# Short-Description:")) {
                    shortdesc = line.substring("# Short-Description:".length()).strip();
                } else if (line.startsWith("# Description:")) {
                    longdesc = line.substring("# Description:".length()).strip();
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw MetadataParser.unusable(agent, e.getMessage());
        }
        return new AgentMetadata(agent, "1.0", shortdesc, longdesc, List.of(),
                List.of(action("meta-data", "5", null), action("start", "15", null),
                        action("stop", "15", null), action("status", "15", null),
                        action("restart", "15", null), action("force-reload", "15", null),
                        action("monitor", "15", "15")));
    }

    private static AgentMetadata unit(AgentName agent) {
        return new AgentMetadata(agent, "1.0", "systemd unit file for " + agent.type(),
                "Cluster Controlled " + agent.type(), List.of(),
                List.of(action("start", "100s", null), action("stop", "100s", null),
                        action("status", "100s", null), action("monitor", "100s", "60s"),
                        action("meta-data", "5s", null)));
    }

    private static AgentAction action(String name, String timeout, String interval) {
        return new AgentAction(name, Optional.of(timeout), Optional.ofNullable(interval),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
