package io.bramble.cluster.exec;

import java.util.Optional;

/**
 * What running an action gave.
 *
 * @param rc the OCF exit code (an LSB or systemd answer already turned into one)
 * @param status whether the agent ran to its end
 * @param exitReason the agent's last {@code ocf-exit-reason:} line on stderr, if any
 * @param output stdout and stderr, bounded ({@link OutputExcerpt})
 * @param durationMs from start to end (or to the kill)
 */
public record ActionResult(int rc, ExecStatus status, Optional<String> exitReason,
        String output, long durationMs) {
    public static ActionResult cancelled() {
        return new ActionResult(OcfExitCode.ERR_GENERIC.code(), ExecStatus.CANCELLED,
                Optional.empty(), "", 0);
    }
}
