package io.bramble.cluster.fence;

import io.bramble.cluster.exec.ActionRequest;
import io.bramble.cluster.exec.ActionResult;
import io.bramble.cluster.exec.AgentRunner;
import io.bramble.cluster.exec.ExecStatus;
import io.bramble.cluster.exec.OcfEnvironment;
import io.bramble.cluster.exec.OcfExitCode;
import io.bramble.cluster.exec.OutputExcerpt;
import io.bramble.cluster.exec.ProcessShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs fence agents ({@code fence_*}) with the fence-agents interface, and fence devices as
 * stonith resources: a device's start and monitor run the agent's {@code monitor}, its stop
 * runs nothing (the device is only forgotten), as in Pacemaker.
 */
public final class FenceAgentRunner implements AgentRunner {
    private final List<Path> fenceDirectories;
    private final ProcessShell shell;

    public FenceAgentRunner(List<Path> fenceDirectories, ProcessShell shell) {
        this.fenceDirectories = List.copyOf(fenceDirectories);
        this.shell = shell;
    }

    /**
     * Runs {@code action} of agent {@code type} for device attributes {@code device}, aimed at
     * {@code target} for the actions that need one. A device that cannot fence the target
     * fails without running.
     */
    public FenceResult fence(String type, Map<String, String> device, FenceAction action,
            Optional<String> target, long timeoutMs) {
        Optional<Path> program = locate(type);
        if (program.isEmpty()) {
            return new FenceResult(1, false, "the fence agent " + type + " is not installed in "
                    + fenceDirectories);
        }
        Optional<String> plug = Optional.empty();
        if (action.hasTarget()) {
            String node = target.orElseThrow(() -> new IllegalArgumentException(
                    action.word() + " needs a target node"));
            plug = FenceTarget.plugFor(device, node);
            if (plug.isEmpty()) {
                return new FenceResult(1, false, "the device cannot fence " + node
                        + ": it is not in its pcmk_host_map or pcmk_host_list");
            }
        }
        try {
            ProcessShell.Run run = shell.run(List.of(program.get().toString()),
                    OcfEnvironment.plain(),
                    Optional.of(FenceRequest.stdin(action, device, target, plug)), timeoutMs);
            return new FenceResult(run.exitCode(), run.timedOut(), run.output());
        } catch (IOException e) {
            return new FenceResult(1, false, "cannot run " + program.get() + ": "
                    + e.getMessage());
        }
    }

    @Override
    public ActionResult run(ActionRequest request) {
        String type = request.agent().type();
        return switch (request.action()) {
            case "stop" -> new ActionResult(0, ExecStatus.DONE, Optional.empty(), "", 0);
            case "start", "monitor" -> resourceResult(fence(type, request.attributes(),
                    FenceAction.MONITOR, Optional.empty(), request.timeoutMs()), type);
            default -> new ActionResult(OcfExitCode.ERR_UNIMPLEMENTED.code(), ExecStatus.DONE,
                    Optional.of("fence devices take start, stop and monitor, not "
                            + request.action()),
                    "", 0);
        };
    }

    private ActionResult resourceResult(FenceResult result, String type) {
        if (result.timedOut()) {
            return new ActionResult(OcfExitCode.ERR_GENERIC.code(), ExecStatus.TIMED_OUT,
                    Optional.empty(), result.output(), 0);
        }
        if (locate(type).isEmpty()) {
            return new ActionResult(OcfExitCode.ERR_INSTALLED.code(), ExecStatus.NOT_INSTALLED,
                    Optional.of(result.output()), "", 0);
        }
        int rc = result.succeeded() ? 0 : OcfExitCode.ERR_GENERIC.code();
        return new ActionResult(rc, ExecStatus.DONE, rc == 0
                ? Optional.empty()
                : OutputExcerpt.exitReason("ocf-exit-reason:" + lastLine(result.output())),
                result.output(), 0);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    private Optional<Path> locate(String type) {
        return fenceDirectories.stream().map(d -> d.resolve(type))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }
}
