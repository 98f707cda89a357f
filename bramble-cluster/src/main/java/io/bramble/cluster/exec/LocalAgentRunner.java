package io.bramble.cluster.exec;

import io.bramble.cluster.agent.AgentDirectories;
import io.bramble.cluster.agent.AgentName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs actions on this node for every standard: an ocf agent with the OCF environment, an
 * LSB script through {@code /etc/init.d/NAME start|stop|status}, a systemd unit through
 * {@code systemctl}, a {@code service:} name as systemd's when systemd runs and has the unit,
 * else as LSB's; stonith resources go to the runner given for them.
 */
public final class LocalAgentRunner implements AgentRunner {
    private final AgentDirectories directories;
    private final String nodeName;
    private final Path stateDirectory;
    private final ProcessShell shell;
    private final AgentRunner stonith;
    private final ParkedStops stops;

    /**
     * @param nodeName given to agents as {@code OCF_RESKEY_CRM_meta_on_node}
     * @param stateDirectory given as {@code HA_RSCTMP}; created when missing
     * @param stonith runs the actions of fence devices
     */
    public LocalAgentRunner(AgentDirectories directories, String nodeName, Path stateDirectory,
            ProcessShell shell, AgentRunner stonith) {
        this(directories, nodeName, stateDirectory, shell, stonith, ParkedStops.none());
    }

    /**
     * As above, and every start that succeeds parks its stop in {@code stops} (a stop that
     * succeeds takes it back), for the {@link Keeper} to run if this daemon dies.
     */
    public LocalAgentRunner(AgentDirectories directories, String nodeName, Path stateDirectory,
            ProcessShell shell, AgentRunner stonith, ParkedStops stops) {
        this.stops = stops;
        this.directories = directories;
        this.nodeName = nodeName;
        this.stateDirectory = stateDirectory;
        this.shell = shell;
        this.stonith = stonith;
    }

    @Override
    public ActionResult run(ActionRequest request) {
        AgentName agent = request.agent();
        return switch (agent.standard()) {
            case AgentName.OCF -> ocf(request);
            case AgentName.LSB -> lsb(request);
            case AgentName.SYSTEMD -> systemd(request);
            case AgentName.SERVICE -> hasUnit(agent.type()) ? systemd(request) : lsb(request);
            case AgentName.STONITH -> stonith.run(request);
            default -> notInstalled(request, "the standard '" + agent.standard()
                    + "' is not supported; use ocf, lsb, systemd, service or stonith");
        };
    }

    /** Where the ocf agent's program is: the first ocf directory that has it. */
    public Optional<Path> locate(AgentName agent) {
        for (Path directory : directories.ocfDirectories()) {
            Path file = directory.resolve(agent.provider().orElse("")).resolve(agent.type());
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private ActionResult ocf(ActionRequest request) {
        Optional<Path> program = locate(request.agent());
        if (program.isEmpty()) {
            return notInstalled(request, request.agent() + " is not installed: no "
                    + request.agent().provider().orElse("") + "/" + request.agent().type()
                    + " in " + directories.ocfDirectories());
        }
        Map<String, String> env = OcfEnvironment.of(request, nodeName, directories.ocfRoot(),
                stateDirectory);
        return finish(request, List.of(program.get().toString(), request.action()), env,
                rc -> rc);
    }

    /**
     * Runs an ocf agent's {@code meta-data} action and returns its whole stdout (up to
     * {@code bytesMax}); fails naming why there is none.
     */
    String ocfMetadata(AgentName agent, long timeoutMs, int bytesMax) throws IOException {
        Path program = locate(agent).orElseThrow(() -> new IOException(agent
                + " is not installed: no " + agent.provider().orElse("") + "/" + agent.type()
                + " in " + directories.ocfDirectories()));
        ActionRequest request = ActionRequest.of("meta-data", agent, "meta-data", timeoutMs,
                Map.of());
        ProcessShell.Run run = shell.run(List.of(program.toString(), "meta-data"),
                OcfEnvironment.of(request, nodeName, directories.ocfRoot(), stateDirectory),
                Optional.empty(), timeoutMs, bytesMax);
        if (run.timedOut() || run.exitCode() != 0) {
            throw new IOException("meta-data " + (run.timedOut()
                    ? "timed out"
                    : "returned '" + OcfExitCode.label(run.exitCode()) + "'"));
        }
        return run.stdout();
    }

    private ActionResult lsb(ActionRequest request) {
        Path script = directories.initDirectory().resolve(request.agent().type());
        if (!Files.isRegularFile(script) || !Files.isExecutable(script)) {
            return notInstalled(request, script + " is not installed");
        }
        String action = request.action().equals("monitor") ? "status" : request.action();
        if (!List.of("start", "stop", "status").contains(action)) {
            return new ActionResult(OcfExitCode.ERR_UNIMPLEMENTED.code(), ExecStatus.DONE,
                    Optional.of("LSB scripts take start, stop and monitor (status), not "
                            + request.action()),
                    "", 0);
        }
        Map<String, String> env = OcfEnvironment.plain();
        return finish(request, List.of(script.toString(), action), env,
                rc -> StandardCodes.fromLsb(action, rc));
    }

    private ActionResult systemd(ActionRequest request) {
        if (!directories.systemdRunning()) {
            return notInstalled(request, "systemd is not running on this node, so "
                    + request.agent() + " cannot be managed here");
        }
        String unit = request.agent().type().contains(".")
                ? request.agent().type()
                : request.agent().type() + ".service";
        Map<String, String> env = OcfEnvironment.plain();
        return switch (request.action()) {
            case "start", "stop" -> finish(request, List.of("systemctl", request.action(),
                    unit), env,
                    rc -> rc == 0
                            ? 0
                            : rc == 5
                                    ? OcfExitCode.ERR_INSTALLED.code()
                                    : OcfExitCode.ERR_GENERIC.code());
            case "monitor", "status" -> SystemdMonitor.run(shell, unit, env, request);
            default -> new ActionResult(OcfExitCode.ERR_UNIMPLEMENTED.code(), ExecStatus.DONE,
                    Optional.of("systemd units take start, stop and monitor, not "
                            + request.action()),
                    "", 0);
        };
    }

    /** Whether systemd runs here and has the unit {@code name} ({@code .service} if bare). */
    boolean hasUnit(String name) {
        String unit = name.contains(".") ? name : name + ".service";
        return directories.systemdRunning() && directories.unitDirectories().stream()
                .anyMatch(d -> Files.exists(d.resolve(unit)));
    }

    private ActionResult finish(ActionRequest request, List<String> command,
            Map<String, String> env, java.util.function.IntUnaryOperator toOcf) {
        try {
            Files.createDirectories(stateDirectory);
            ProcessShell.Run run = shell.run(command, env, Optional.empty(),
                    request.timeoutMs());
            if (run.timedOut()) {
                return new ActionResult(OcfExitCode.ERR_GENERIC.code(), ExecStatus.TIMED_OUT,
                        Optional.empty(), run.output(), run.durationMs());
            }
            int rc = toOcf.applyAsInt(run.exitCode());
            stops.after(request, rc, command, env);
            return new ActionResult(rc, ExecStatus.DONE, OutputExcerpt.exitReason(run
                    .stderr()), run.output(), run.durationMs());
        } catch (IOException e) {
            return notInstalled(request, "cannot run " + command.getFirst() + ": "
                    + e.getMessage());
        }
    }

    static ActionResult notInstalled(ActionRequest request, String why) {
        return new ActionResult(OcfExitCode.ERR_INSTALLED.code(), ExecStatus.NOT_INSTALLED,
                Optional.of(why), "", 0);
    }
}
