package io.bramble.lb.proxy;

import io.netty.handler.codec.http.FullHttpResponse;

/**
 * What an http-request rule answered instead of a server, with how HAProxy logs and counts it:
 * a deny is the proxy's refusal ({@code PR--}, a denied request), a redirect or a
 * {@code return} the proxy's own answer ({@code LR--}), a rewrite that failed the proxy's
 * error ({@code PR--}).
 *
 * @param response what the client gets
 * @param termination the log's termination state; {@code ----} to leave it as it is
 * @param denied counts as a denied request
 */
record RuleAnswer(FullHttpResponse response, String termination, boolean denied) {
    static RuleAnswer denied(FullHttpResponse response) {
        return new RuleAnswer(response, "PR--", true);
    }

    static RuleAnswer failed(FullHttpResponse response) {
        return new RuleAnswer(response, "PR--", false);
    }

    static RuleAnswer local(FullHttpResponse response) {
        return new RuleAnswer(response, "LR--", false);
    }

    /** An answer logged as any other exchange ({@code use-service}). */
    static RuleAnswer served(FullHttpResponse response) {
        return new RuleAnswer(response, "----", false);
    }
}
