package io.bramble.lb.config;

/**
 * The {@code timeout NAME VALUE} settings of a proxy, in milliseconds (a bare number in
 * haproxy.cfg is milliseconds; {@code s}, {@code m}, {@code h}, {@code d} and {@code us} suffixes
 * as HAProxy reads them). {@link #UNSET_MS} means "not set": the engine then applies HAProxy's
 * fallbacks (http-request falls back to client, http-keep-alive to http-request, check to the
 * server's inter, queue to connect, tunnel to server) and, for connect/client/server, no limit.
 *
 * @param connectMs time to establish a connection to a server
 * @param clientMs client inactivity
 * @param serverMs server inactivity
 * @param checkMs time a health check may take once connected
 * @param httpRequestMs time for a client to send a whole request head
 * @param httpKeepAliveMs idle time allowed between two requests on a client connection
 * @param queueMs time a request may wait for a server slot
 * @param tunnelMs inactivity on a TCP tunnel (tcp mode, upgraded connections)
 * @param clientFinMs client inactivity once its connection is shut in one direction
 * @param serverFinMs server inactivity once its connection is shut in one direction
 */
public record Timeouts(
        long connectMs,
        long clientMs,
        long serverMs,
        long checkMs,
        long httpRequestMs,
        long httpKeepAliveMs,
        long queueMs,
        long tunnelMs,
        long clientFinMs,
        long serverFinMs) {

    /** Not set in the file. */
    public static final long UNSET_MS = 0;
    /** Largest timeout HAProxy accepts: 2^31-1 ms, about 24.8 days. */
    public static final long MAX_MS = Integer.MAX_VALUE;
    /** Nothing set: HAProxy's state without a defaults section. */
    public static final Timeouts NONE = new Timeouts(UNSET_MS, UNSET_MS, UNSET_MS, UNSET_MS,
            UNSET_MS, UNSET_MS, UNSET_MS, UNSET_MS, UNSET_MS, UNSET_MS);

    public Timeouts {
        for (long value : new long[]{connectMs, clientMs, serverMs, checkMs, httpRequestMs,
                httpKeepAliveMs, queueMs, tunnelMs, clientFinMs, serverFinMs}) {
            if (value < 0 || value > MAX_MS) {
                throw new IllegalArgumentException(
                        "timeout must be 0 to " + MAX_MS + " ms, got " + value);
            }
        }
    }

    public Timeouts withConnectMs(long value) {
        return new Timeouts(value, clientMs, serverMs, checkMs, httpRequestMs, httpKeepAliveMs,
                queueMs, tunnelMs, clientFinMs, serverFinMs);
    }

    public Timeouts withClientMs(long value) {
        return new Timeouts(connectMs, value, serverMs, checkMs, httpRequestMs, httpKeepAliveMs,
                queueMs, tunnelMs, clientFinMs, serverFinMs);
    }

    public Timeouts withServerMs(long value) {
        return new Timeouts(connectMs, clientMs, value, checkMs, httpRequestMs, httpKeepAliveMs,
                queueMs, tunnelMs, clientFinMs, serverFinMs);
    }

    public Timeouts withCheckMs(long value) {
        return new Timeouts(connectMs, clientMs, serverMs, value, httpRequestMs, httpKeepAliveMs,
                queueMs, tunnelMs, clientFinMs, serverFinMs);
    }

    public Timeouts withHttpRequestMs(long value) {
        return new Timeouts(connectMs, clientMs, serverMs, checkMs, value, httpKeepAliveMs,
                queueMs, tunnelMs, clientFinMs, serverFinMs);
    }

    public Timeouts withHttpKeepAliveMs(long value) {
        return new Timeouts(connectMs, clientMs, serverMs, checkMs, httpRequestMs, value,
                queueMs, tunnelMs, clientFinMs, serverFinMs);
    }

    public Timeouts withQueueMs(long value) {
        return new Timeouts(connectMs, clientMs, serverMs, checkMs, httpRequestMs,
                httpKeepAliveMs, value, tunnelMs, clientFinMs, serverFinMs);
    }

    public Timeouts withTunnelMs(long value) {
        return new Timeouts(connectMs, clientMs, serverMs, checkMs, httpRequestMs,
                httpKeepAliveMs, queueMs, value, clientFinMs, serverFinMs);
    }

    public Timeouts withClientFinMs(long value) {
        return new Timeouts(connectMs, clientMs, serverMs, checkMs, httpRequestMs,
                httpKeepAliveMs, queueMs, tunnelMs, value, serverFinMs);
    }

    public Timeouts withServerFinMs(long value) {
        return new Timeouts(connectMs, clientMs, serverMs, checkMs, httpRequestMs,
                httpKeepAliveMs, queueMs, tunnelMs, clientFinMs, value);
    }
}
