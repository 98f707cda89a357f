package io.bramble.lb.proxy;

/** Short texts for socket failures, as the stats page and state-change logs show them. */
final class Failures {
    private Failures() {
    }

    /**
     * The reason without Netty's prefix and the address:
     * {@code "connect(..) failed: Connection refused: /10.0.0.1:80"} gives
     * {@code "Connection refused"}.
     */
    static String reason(Throwable cause) {
        String message = cause.getMessage();
        if (message == null) {
            return cause.getClass().getSimpleName();
        }
        String trimmed = message.replaceFirst(": /?[0-9A-Fa-f.:\\[\\]%a-z-]*:[0-9]+$", "");
        int colon = trimmed.lastIndexOf(": ");
        return colon >= 0 ? trimmed.substring(colon + 2) : trimmed;
    }
}
