package io.bramble.lb.check;

/**
 * The outcome of one health check, named as HAProxy names them on its stats page and CSV
 * ({@code check_status}).
 */
public enum CheckStatus {
    L4OK(true, "Layer4 check passed"), L4TOUT(false, "Layer4 timeout"), L4CON(false,
            "Layer4 connection problem"), L6OK(true, "Layer6 check passed"), L6TOUT(false,
                    "Layer6 timeout"), L6RSP(false, "Layer6 invalid response"), L7OK(true,
                            "Layer7 check passed"), L7TOUT(false, "Layer7 timeout"), L7RSP(
                                    false, "Layer7 invalid response"), L7STS(false,
                                            "Layer7 wrong status"), SOCKERR(false,
                                                    "Socket error"),
    /** A live request could not connect or was reset: passive detection. */
    LIVE(false, "Connection failed on live traffic");

    private final boolean success;
    private final String description;

    CheckStatus(boolean success, String description) {
        this.success = success;
        this.description = description;
    }

    public boolean success() {
        return success;
    }

    public String description() {
        return description;
    }
}
