package io.bramble.cluster.exec;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A systemd unit's monitor: its {@code ActiveState} and {@code LoadState} through
 * {@code systemctl show}, asked again while the unit is activating or deactivating (as
 * Pacemaker waits for a pending unit), within the action's timeout.
 */
final class SystemdMonitor {
    /** Pause between two questions to a unit on its way to a state. */
    private static final long POLL_MS = 200;

    private SystemdMonitor() {
    }

    static ActionResult run(ProcessShell shell, String unit, Map<String, String> env,
            ActionRequest request) {
        long waitedMs = 0;
        while (true) {
            ProcessShell.Run run;
            try {
                run = shell.run(List.of("systemctl", "show", "-p", "ActiveState", "-p",
                        "LoadState", unit), env, Optional.empty(), request.timeoutMs());
            } catch (IOException e) {
                return LocalAgentRunner.notInstalled(request, "cannot run systemctl: "
                        + e.getMessage());
            }
            String active = property(run.stdout(), "ActiveState");
            if (!StandardCodes.isTransient(active) || waitedMs + POLL_MS >= request.timeoutMs()) {
                int rc = run.exitCode() != 0
                        ? OcfExitCode.ERR_GENERIC.code()
                        : StandardCodes.fromSystemd(active, property(run.stdout(),
                                "LoadState"));
                return new ActionResult(rc, ExecStatus.DONE, Optional.of(unit + " is "
                        + active).filter(r -> rc != 0), run.output(), waitedMs);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ActionResult.cancelled();
            }
            waitedMs += POLL_MS;
        }
    }

    private static String property(String output, String name) {
        for (String line : output.split("\n")) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }
}
