package io.bramble.it.vrrp;

import io.bramble.testkit.exec.Programs;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Debian's keepalived in a lab host: started in the foreground, crashed with kill -9. */
final class Keepalived {
    private Keepalived() {
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Programs.find("keepalived").isPresent(),
                "needs keepalived (apt-get install keepalived)");
    }

    /** Starts the VRRP part of keepalived with {@code config}; its pid files go in dir. */
    static ManagedProcess start(LabHost host, Path config, Path dir, String run) {
        return host.start("keepalived", "--dont-fork", "--log-console", "--log-detail",
                "--vrrp", "--use-file", config.toString(), "--pid", dir.resolve(run + ".pid")
                        .toString(),
                "--vrrp_pid", dir.resolve(run + "-vrrp.pid").toString());
    }

    /**
     * kill -9 of every keepalived process in the host, its VRRP child first, so none of them
     * gets to announce priority 0: a crash as keepalived would see it. Returns the processes
     * killed without waiting for them: the JDK notices the end of a process that is not its
     * child only by polling, which can take seconds and would hide the takeover being
     * measured. {@link #awaitGone} waits for them.
     */
    static List<ProcessHandle> crash(LabHost host) {
        List<ProcessHandle> processes = host.pids().stream().filter(Keepalived::isKeepalived)
                .sorted((a, b) -> Long.compare(b, a)).map(ProcessHandle::of).flatMap(
                        java.util.Optional::stream)
                .toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        return processes;
    }

    static void awaitGone(List<ProcessHandle> processes) {
        processes.forEach(p -> p.onExit().join());
    }

    private static boolean isKeepalived(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm"),
                    StandardCharsets.US_ASCII).trim().equals("keepalived");
        } catch (IOException e) {
            return false;
        }
    }
}
