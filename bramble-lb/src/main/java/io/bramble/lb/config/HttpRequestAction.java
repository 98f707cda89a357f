package io.bramble.lb.config;

import io.bramble.lb.format.LogFormatString;
import io.bramble.lb.format.SampleExpression;
import io.bramble.lb.format.VariableName;
import java.util.regex.Pattern;

/**
 * What an {@code http-request} rule does. Header values are HAProxy log-format strings,
 * compiled at load.
 */
public sealed interface HttpRequestAction {
    /** {@code set-header NAME VALUE}: replace every value of the header. */
    record SetHeader(String name, LogFormatString value) implements HttpRequestAction {}

    /** {@code add-header NAME VALUE}: add one more value. */
    record AddHeader(String name, LogFormatString value) implements HttpRequestAction {}

    /** {@code del-header NAME}: remove the header. */
    record DelHeader(String name) implements HttpRequestAction {}

    /** {@code deny [deny_status N]}: answer with the status, never forward. */
    record Deny(int status) implements HttpRequestAction {
        public static final int STATUS_DEFAULT = 403;
    }

    /**
     * {@code replace-path REGEX FORMAT}: when REGEX is found in the path (the target without
     * its query), the whole path becomes FORMAT, rendered, with {@code \1} to {@code \9}
     * standing for REGEX's groups; the query stays.
     */
    record ReplacePath(Pattern regex, LogFormatString format) implements HttpRequestAction {}

    /**
     * {@code auth [realm REALM]}: answer 401 asking for basic credentials of
     * {@code REALM}, the proxy's name when not written; never forward.
     */
    record Auth(String realm) implements HttpRequestAction {}

    /** {@code return ...}: answer with the reply described, never forward. */
    record Return(HttpReply reply) implements HttpRequestAction {}

    /** {@code redirect ...}: answer with a redirect. */
    record Redirect(RedirectRule rule) implements HttpRequestAction {}

    /**
     * {@code use-service prometheus-exporter}: answer with the counters of every proxy in the
     * Prometheus text format, as HAProxy's exporter does; the rules end there.
     */
    record UsePrometheusExporter() implements HttpRequestAction {}

    /** {@code set-var(NAME) EXPR}: the variable takes the expression's value, when it has one. */
    record SetVar(VariableName variable, SampleExpression value) implements HttpRequestAction {}

    /** {@code set-var-fmt(NAME) FMT}: the variable takes the rendered string. */
    record SetVarFormat(VariableName variable, LogFormatString value)
            implements
                HttpRequestAction {}

    /** {@code unset-var(NAME)}: the variable is gone. */
    record UnsetVar(VariableName variable) implements HttpRequestAction {}

    /** {@code track-scN KEY [table T]}: the request tracks KEY's entry; the rules go on. */
    record Track(StickTrack track) implements HttpRequestAction {}

    /** {@code sc-inc-gpc0(N)}: gpc0 of counter N's entry grows by one. */
    record IncrementGpc0(int counter) implements HttpRequestAction {}

    /** {@code sc-set-gpt0(N) VALUE}: gpt0 of counter N's entry becomes VALUE. */
    record SetGpt0(int counter, long value) implements HttpRequestAction {}
}
