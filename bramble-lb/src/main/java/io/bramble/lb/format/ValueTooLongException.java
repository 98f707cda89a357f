package io.bramble.lb.format;

/**
 * A log-format string rendered to more characters than its caller allows. HAProxy fails the
 * rewrite then (an internal error, status 500); the proxy does the same.
 */
public final class ValueTooLongException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ValueTooLongException(int charsMax) {
        super("the rendered value is longer than " + charsMax + " characters", null, false,
                false);
    }
}
