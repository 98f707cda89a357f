package io.bramble.lb.proxy;

import io.bramble.lb.config.Timeouts;

/**
 * The timeouts a session applies, with HAProxy's fallbacks: http-request falls back to
 * client, http-keep-alive to http-request then client; a proxy that sets none gets
 * {@link HttpLimits#IDLE_TIMEOUT_MS_WHEN_UNSET} so no connection waits forever.
 */
final class EffectiveTimeouts {
    private EffectiveTimeouts() {
    }

    /** Time for a client to send a whole request head. */
    static long httpRequestMs(Frontend frontend) {
        Timeouts timeouts = frontend.timeouts();
        return firstSet(timeouts.httpRequestMs(), timeouts.clientMs(),
                HttpLimits.IDLE_TIMEOUT_MS_WHEN_UNSET);
    }

    /** Idle time allowed between two requests on a client connection. */
    static long keepAliveMs(Frontend frontend) {
        Timeouts timeouts = frontend.timeouts();
        return firstSet(timeouts.httpKeepAliveMs(), timeouts.httpRequestMs(),
                firstSet(timeouts.clientMs(), HttpLimits.IDLE_TIMEOUT_MS_WHEN_UNSET, 0));
    }

    /** Client inactivity while a request body streams. */
    static long clientMs(Frontend frontend) {
        return firstSet(frontend.timeouts().clientMs(), HttpLimits.IDLE_TIMEOUT_MS_WHEN_UNSET,
                0);
    }

    /** Server inactivity while a response is awaited or streams. */
    static long serverMs(Backend backend) {
        return firstSet(backend.config.timeouts().serverMs(),
                HttpLimits.IDLE_TIMEOUT_MS_WHEN_UNSET, 0);
    }

    /**
     * Inactivity on a connection that became a tunnel: {@code timeout tunnel} of the backend,
     * else the larger of the client and server timeouts, as HAProxy applies them.
     */
    static long tunnelMs(Frontend frontend, Backend backend) {
        long tunnel = backend.config.timeouts().tunnelMs();
        if (tunnel != Timeouts.UNSET_MS) {
            return tunnel;
        }
        return Math.max(clientMs(frontend), serverMs(backend));
    }

    /**
     * Client inactivity once the client's connection is shut in one direction (its end read,
     * or ours sent to it): {@code timeout client-fin} when set, else {@code usualMs}. As in
     * HAProxy, it replaces {@code timeout tunnel} too.
     */
    static long clientFinMs(Frontend frontend, long usualMs) {
        return firstSet(frontend.timeouts().clientFinMs(), usualMs, 0);
    }

    /** Server inactivity once the server's connection is shut in one direction; as above. */
    static long serverFinMs(Backend backend, long usualMs) {
        return firstSet(backend.config.timeouts().serverFinMs(), usualMs, 0);
    }

    /** The first value that is set. */
    static long firstSet(long first, long second, long third) {
        if (first != Timeouts.UNSET_MS) {
            return first;
        }
        return second != Timeouts.UNSET_MS ? second : third;
    }
}
