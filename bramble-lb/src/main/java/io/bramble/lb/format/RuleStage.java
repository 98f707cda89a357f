package io.bramble.lb.format;

/**
 * Where a log-format string is evaluated, which decides what it may look at: the request
 * rules see no response and no server yet; the response rules no longer see the request's
 * target and headers, as in HAProxy 2.6; health checks have no request at all, and bramble
 * renders only their text.
 */
public enum RuleStage {
    /** {@code http-request} rules, {@code http-request redirect} targets. */
    REQUEST("http-request rules"),
    /** {@code http-response} rules. */
    RESPONSE("http-response rules"),
    /** {@code http-check send hdr}, {@code tcp-check expect on-success|on-error}. */
    CHECK("health checks");

    private final String rules;

    RuleStage(String rules) {
        this.rules = rules;
    }

    /** The rules of this stage, as messages name them. */
    String rules() {
        return rules;
    }
}
