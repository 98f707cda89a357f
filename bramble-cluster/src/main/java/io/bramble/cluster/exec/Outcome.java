package io.bramble.cluster.exec;

import io.bramble.cluster.model.FailedAction;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a result means, as Pacemaker reads it. A monitor's "not running" or "promoted" is an
 * observation of the resource, not a failure of the call: the caller compares it with what
 * it expected. A stop that finds the resource stopped succeeded. A probe that finds the agent
 * not installed learnt that the resource is not running there. Any other unexpected code is
 * a failure with the recovery its code calls for: hard codes (2, 3, 4, 5) keep the resource
 * off this node, 6 off every node. What a failed or timed-out stop leads to (fencing the
 * node, or blocking the resource) is the operation's {@code on-fail}, which the policy
 * applies; the recovery here is the code's own kind.
 *
 * @param kind the meaning
 * @param recovery for a failure or a timeout, what the cluster does about it
 * @param text Pacemaker's words: "ok", "not running", "error", "Timed Out", ...
 * @param rc the OCF exit code the agent returned
 * @param exitReason the agent's own reason ({@code ocf-exit-reason:}), empty when none
 * @param durationMs how long the agent ran; {@link FailedAction#UNKNOWN} when not known
 * @param queueMs how long the action waited on its node before it ran; or unknown
 * @param callId the node's number for the call, counted from the node's start; or unknown
 */
public record Outcome(Kind kind, Optional<Recovery> recovery, String text, int rc,
        String exitReason, long durationMs, long queueMs, long callId) {
    public enum Kind {
        SUCCEEDED, NOT_RUNNING, PROMOTED, FAILED, TIMED_OUT, CANCELLED
    }

    public Outcome {
        if (exitReason.length() > FailedAction.REASON_CHARS_MAX) {
            exitReason = exitReason.substring(0, FailedAction.REASON_CHARS_MAX);
        }
    }

    /** An outcome known by its meaning alone: the code its words stand for, no reason. */
    public Outcome(Kind kind, Optional<Recovery> recovery, String text) {
        this(kind, recovery, text, codeOf(kind, text), "", FailedAction.UNKNOWN);
    }

    /** An outcome whose call number and queue time are not known. */
    public Outcome(Kind kind, Optional<Recovery> recovery, String text, int rc,
            String exitReason, long durationMs) {
        this(kind, recovery, text, rc, exitReason, durationMs, FailedAction.UNKNOWN,
                FailedAction.UNKNOWN);
    }

    /** This outcome of the node's call {@code number}, which waited {@code waitedMs} to run. */
    public Outcome ofCall(long number, long waitedMs) {
        return new Outcome(kind, recovery, text, rc, exitReason, durationMs, waitedMs, number);
    }

    private static int codeOf(Kind kind, String text) {
        return switch (kind) {
            case SUCCEEDED -> OcfExitCode.SUCCESS.code();
            case NOT_RUNNING -> OcfExitCode.NOT_RUNNING.code();
            case PROMOTED -> OcfExitCode.RUNNING_PROMOTED.code();
            case FAILED -> Arrays.stream(OcfExitCode.values()).filter(c -> c.label().equals(
                    text)).mapToInt(OcfExitCode::code).findFirst().orElse(OcfExitCode.ERR_GENERIC
                            .code());
            case TIMED_OUT, CANCELLED -> OcfExitCode.ERR_GENERIC.code();
        };
    }

    /**
     * This outcome with the agent's code (when it ran to its end), its reason and its time.
     */
    private Outcome of(ActionResult result) {
        return new Outcome(kind, recovery, text, result.status() == ExecStatus.DONE
                ? result.rc()
                : rc, result.exitReason().orElse(""), result.durationMs());
    }

    /** What crm_mon lists of this failure of {@code operation} on {@code node}. */
    public FailedAction failedAction(String resource, String node, String operation,
            long intervalMs, long epochSeconds) {
        return new FailedAction(resource, node, operation, intervalMs, rc, kind == Kind.TIMED_OUT
                ? FailedAction.TIMED_OUT
                : FailedAction.DONE, exitReason, epochSeconds, durationMs, queueMs, callId);
    }

    public boolean isFailure() { return kind == Kind.FAILED || kind == Kind.TIMED_OUT; }

    public static Outcome of(ActionRequest request, ActionResult result) {
        return meaning(request, result).of(result);
    }

    private static Outcome meaning(ActionRequest request, ActionResult result) {
        return switch (result.status()) {
            case CANCELLED -> new Outcome(Kind.CANCELLED, Optional.empty(), "Cancelled");
            case TIMED_OUT -> new Outcome(Kind.TIMED_OUT, Optional.of(Recovery.SOFT),
                    "Timed Out");
            case NOT_INSTALLED -> ofCode(request, OcfExitCode.ERR_INSTALLED.code());
            case DONE -> ofCode(request, result.rc());
        };
    }

    private static Outcome ofCode(ActionRequest request, int rc) {
        String text = OcfExitCode.label(rc);
        boolean observes = request.action().equals("monitor");
        if (rc == OcfExitCode.SUCCESS.code()) {
            return new Outcome(Kind.SUCCEEDED, Optional.empty(), text);
        }
        if (rc == OcfExitCode.NOT_RUNNING.code() && (observes
                || request.action().equals("stop"))) {
            return new Outcome(request.action().equals("stop")
                    ? Kind.SUCCEEDED
                    : Kind.NOT_RUNNING, Optional.empty(), text);
        }
        if (rc == OcfExitCode.ERR_INSTALLED.code() && request.isProbe()) {
            return new Outcome(Kind.NOT_RUNNING, Optional.empty(),
                    OcfExitCode.NOT_RUNNING.label());
        }
        if (rc == OcfExitCode.RUNNING_PROMOTED.code() && observes) {
            return new Outcome(Kind.PROMOTED, Optional.empty(), text);
        }
        Recovery recovery = OcfExitCode.of(rc).map(OcfExitCode::recovery).orElse(Recovery.SOFT);
        return new Outcome(Kind.FAILED, Optional.of(recovery), text);
    }
}
