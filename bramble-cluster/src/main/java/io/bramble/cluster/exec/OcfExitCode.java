package io.bramble.cluster.exec;

import java.util.Optional;

/**
 * The OCF exit codes, with the words Pacemaker prints for them ("returned 'not running'")
 * and the recovery Pacemaker applies when one comes back unexpected.
 */
public enum OcfExitCode {
    SUCCESS(0, "ok", Recovery.SOFT), ERR_GENERIC(1, "error", Recovery.SOFT), ERR_ARGS(2,
            "invalid parameter",
            Recovery.HARD), ERR_UNIMPLEMENTED(3, "unimplemented feature", Recovery.HARD), ERR_PERM(
                    4, "insufficient privileges", Recovery.HARD), ERR_INSTALLED(5, "not installed",
                            Recovery.HARD), ERR_CONFIGURED(6, "not configured",
                                    Recovery.FATAL), NOT_RUNNING(7, "not running",
                                            Recovery.SOFT), RUNNING_PROMOTED(8, "promoted",
                                                    Recovery.SOFT), FAILED_PROMOTED(9,
                                                            "promoted (failed)", Recovery.SOFT);

    private final int code;
    private final String label;
    private final Recovery recovery;

    OcfExitCode(int code, String label, Recovery recovery) {
        this.code = code;
        this.label = label;
        this.recovery = recovery;
    }

    public int code() {
        return code;
    }

    /** Pacemaker's words for the code. */
    public String label() {
        return label;
    }

    /** The recovery when the code was not the one expected. */
    public Recovery recovery() {
        return recovery;
    }

    public static Optional<OcfExitCode> of(int code) {
        return code >= 0 && code < values().length
                ? Optional.of(values()[code])
                : Optional.empty();
    }

    /** Pacemaker's words for any code: "unknown" for one outside the standard. */
    public static String label(int code) {
        return of(code).map(OcfExitCode::label).orElse("unknown");
    }
}
