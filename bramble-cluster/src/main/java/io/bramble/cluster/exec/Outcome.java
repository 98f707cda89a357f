package io.bramble.cluster.exec;

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
 */
public record Outcome(Kind kind, Optional<Recovery> recovery, String text) {
    public enum Kind {
        SUCCEEDED, NOT_RUNNING, PROMOTED, FAILED, TIMED_OUT, CANCELLED
    }

    public boolean isFailure() { return kind == Kind.FAILED || kind == Kind.TIMED_OUT; }

    public static Outcome of(ActionRequest request, ActionResult result) {
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
