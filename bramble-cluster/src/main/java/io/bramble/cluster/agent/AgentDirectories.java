package io.bramble.cluster.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where agents live on a node, as Pacemaker looks for them: ocf agents under
 * {@code PROVIDER/TYPE} in each ocf directory ({@code OCF_RA_PATH}, {@code
 * /usr/lib/ocf/resource.d} first, then bramble's own), LSB scripts in {@code /etc/init.d},
 * systemd units in the unit directories, fence agents ({@code fence_*}) in {@code /usr/sbin}
 * and bramble's own.
 *
 * @param ocfRoot the {@code OCF_ROOT} agents are given ({@code /usr/lib/ocf}); the stock agents
 *     find their shell functions under it
 * @param ocfDirectories each holds one folder per provider
 * @param initDirectory the LSB scripts
 * @param unitDirectories systemd's unit folders, searched when systemd runs
 * @param fenceDirectories where {@code fence_*} agents are looked for
 * @param systemdRunning whether systemd is the init system (as {@code sd_booted} tells)
 */
public record AgentDirectories(Path ocfRoot, List<Path> ocfDirectories, Path initDirectory,
        List<Path> unitDirectories, List<Path> fenceDirectories, boolean systemdRunning) {
    public static final Path OCF_ROOT = Path.of("/usr/lib/ocf");

    public AgentDirectories {
        ocfDirectories = List.copyOf(ocfDirectories);
        unitDirectories = List.copyOf(unitDirectories);
        fenceDirectories = List.copyOf(fenceDirectories);
    }

    /** This machine's directories, with bramble's own agents installed under {@code own}. */
    public static AgentDirectories system(OwnAgents own) {
        return new AgentDirectories(OCF_ROOT,
                List.of(OCF_ROOT.resolve("resource.d"), own.ocfDirectory()),
                Path.of("/etc/init.d"),
                List.of(Path.of("/etc/systemd/system"), Path.of("/run/systemd/system"),
                        Path.of("/usr/lib/systemd/system"), Path.of("/lib/systemd/system")),
                List.of(Path.of("/usr/sbin"), own.fenceDirectory()),
                Files.isDirectory(Path.of("/run/systemd/system")));
    }
}
