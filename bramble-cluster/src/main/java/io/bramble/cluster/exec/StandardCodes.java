package io.bramble.cluster.exec;

/**
 * Turns the answers of LSB scripts and of systemd into OCF exit codes, as Pacemaker does. An
 * LSB {@code status} says 0 running, 1 (dead, pid file left), 2 (dead, lock file left) and 3
 * not running; 4 is unknown; 150 and 151 are Pacemaker's "not installed" and "insufficient
 * privileges". Other LSB actions share the OCF codes 0 to 7. A systemd unit is running when
 * its state is {@code active} or {@code reloading}.
 */
public final class StandardCodes {
    static final int LSB_STATUS_NOT_INSTALLED = 150;
    static final int LSB_STATUS_INSUFFICIENT_PRIV = 151;

    private StandardCodes() {
    }

    /** The OCF code for an LSB script's exit code {@code status} after {@code lsbAction}. */
    public static int fromLsb(String lsbAction, int status) {
        if (!lsbAction.equals("status")) {
            return status >= 0 && status <= OcfExitCode.NOT_RUNNING.code()
                    ? status
                    : OcfExitCode.ERR_GENERIC.code();
        }
        return switch (status) {
            case 0 -> OcfExitCode.SUCCESS.code();
            case 1, 2, 3 -> OcfExitCode.NOT_RUNNING.code();
            case LSB_STATUS_NOT_INSTALLED -> OcfExitCode.ERR_INSTALLED.code();
            case LSB_STATUS_INSUFFICIENT_PRIV -> OcfExitCode.ERR_PERM.code();
            default -> OcfExitCode.ERR_GENERIC.code();
        };
    }

    /** The OCF code for a unit's {@code ActiveState} and {@code LoadState}. */
    public static int fromSystemd(String activeState, String loadState) {
        if (loadState.equals("not-found")) {
            return OcfExitCode.ERR_INSTALLED.code();
        }
        return switch (activeState) {
            case "active", "reloading" -> OcfExitCode.SUCCESS.code();
            default -> OcfExitCode.NOT_RUNNING.code();
        };
    }

    /** Whether systemd is still on its way to a state: asked again until it gets there. */
    public static boolean isTransient(String activeState) {
        return activeState.equals("activating") || activeState.equals("deactivating");
    }
}
