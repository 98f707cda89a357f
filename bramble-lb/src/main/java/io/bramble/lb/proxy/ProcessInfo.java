package io.bramble.lb.proxy;

/**
 * Process-wide figures for the runtime API's {@code show info}.
 *
 * @param maxconn the global connection limit
 * @param threads event loop threads serving connections
 * @param currentConnections client connections open now
 * @param totalConnections client connections accepted since start, all frontends
 * @param totalRequests HTTP requests received since start, all frontends
 * @param poller how the event loops wait for sockets
 */
public record ProcessInfo(int maxconn, int threads, long currentConnections,
        long totalConnections, long totalRequests, Poller poller) {}
