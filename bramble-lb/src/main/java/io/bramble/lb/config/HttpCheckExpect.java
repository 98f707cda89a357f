package io.bramble.lb.config;

/**
 * {@code http-check expect [!] KIND PATTERN}. Without one, a check passes on a 2xx or 3xx
 * status, as in HAProxy.
 *
 * @param negated written with {@code !}
 * @param kind what is compared
 * @param pattern the status code(s), regular expression or string
 */
public record HttpCheckExpect(boolean negated, Kind kind, String pattern) {
    /** What the pattern is compared with. */
    public enum Kind {
        /** The status code equals the pattern (e.g. {@code 200}). */
        STATUS,
        /** The status code matches the regular expression. */
        RSTATUS,
        /** The body contains the string. */
        STRING,
        /** The body matches the regular expression. */
        RSTRING
    }
}
