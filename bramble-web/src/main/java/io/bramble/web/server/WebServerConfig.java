package io.bramble.web.server;

import io.bramble.common.check.Checks;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * How a {@link WebServer} runs: what it serves, where it listens and its bounds. The defaults
 * follow Apache's where Apache has one.
 *
 * @param root                the directory served; null for a server of pages a handler
 *                            makes ({@link #pages})
 * @param bind                the address to listen on; port 0 picks a free port
 * @param transport           the I/O transport
 * @param ioThreads           event-loop threads for connections
 * @param connectionsMax      open connections at most; more wait in the listen backlog
 * @param headerBytesMax      all request header lines together, at most (larger: 431)
 * @param requestLineBytesMax the request line, at most (larger: 414, Apache's LimitRequestLine)
 * @param keepAliveTimeoutMs  a connection waiting this long for its next request is closed
 *                            (Apache's KeepAliveTimeout)
 * @param idleTimeoutMs       a connection that makes no progress this long, neither reading
 *                            nor writing, is closed: a client that stopped mid-request or
 *                            stopped reading its answer (Apache's Timeout)
 */
public record WebServerConfig(Path root, InetSocketAddress bind, Transport transport,
        int ioThreads, int connectionsMax, int headerBytesMax, int requestLineBytesMax,
        long keepAliveTimeoutMs, long idleTimeoutMs) {
    public static final int CONNECTIONS_MAX_DEFAULT = 512;
    public static final int HEADER_BYTES_MAX_DEFAULT = 16 * 1024;
    public static final int REQUEST_LINE_BYTES_MAX_DEFAULT = 8190;
    public static final long KEEP_ALIVE_TIMEOUT_MS_DEFAULT = 5_000;
    public static final long IDLE_TIMEOUT_MS_DEFAULT = 60_000;

    public WebServerConfig {
        Checks.argument(bind != null, "bind address is required");
        Checks.argument(transport != null, "transport is required");
        Checks.inRange(ioThreads, 1, 256, "ioThreads");
        Checks.inRange(connectionsMax, 1, 1_000_000, "connectionsMax");
        Checks.inRange(headerBytesMax, 256, 1024 * 1024, "headerBytesMax");
        Checks.inRange(requestLineBytesMax, 64, 1024 * 1024, "requestLineBytesMax");
        Checks.inRange(keepAliveTimeoutMs, 1, 3_600_000, "keepAliveTimeoutMs");
        Checks.inRange(idleTimeoutMs, 1, 3_600_000, "idleTimeoutMs");
    }

    /** Serves {@code root} on {@code bind} with the default bounds and the best transport. */
    public static WebServerConfig defaults(Path root, InetSocketAddress bind) {
        return new WebServerConfig(root, bind, Transport.best(),
                Runtime.getRuntime().availableProcessors(), CONNECTIONS_MAX_DEFAULT,
                HEADER_BYTES_MAX_DEFAULT, REQUEST_LINE_BYTES_MAX_DEFAULT,
                KEEP_ALIVE_TIMEOUT_MS_DEFAULT, IDLE_TIMEOUT_MS_DEFAULT);
    }

    /**
     * A server of pages a handler makes, with no root: one event-loop thread, at most
     * {@code connectionsMax} connections, the default bounds otherwise.
     */
    public static WebServerConfig pages(InetSocketAddress bind, int connectionsMax) {
        return new WebServerConfig(null, bind, Transport.best(), 1, connectionsMax,
                HEADER_BYTES_MAX_DEFAULT, REQUEST_LINE_BYTES_MAX_DEFAULT,
                KEEP_ALIVE_TIMEOUT_MS_DEFAULT, IDLE_TIMEOUT_MS_DEFAULT);
    }

    public WebServerConfig withTransport(Transport value) {
        return new WebServerConfig(root, bind, value, ioThreads, connectionsMax, headerBytesMax,
                requestLineBytesMax, keepAliveTimeoutMs, idleTimeoutMs);
    }

    public WebServerConfig withConnectionsMax(int value) {
        return new WebServerConfig(root, bind, transport, ioThreads, value, headerBytesMax,
                requestLineBytesMax, keepAliveTimeoutMs, idleTimeoutMs);
    }

    public WebServerConfig withHeaderBytesMax(int value) {
        return new WebServerConfig(root, bind, transport, ioThreads, connectionsMax, value,
                requestLineBytesMax, keepAliveTimeoutMs, idleTimeoutMs);
    }

    public WebServerConfig withKeepAliveTimeoutMs(long value) {
        return new WebServerConfig(root, bind, transport, ioThreads, connectionsMax, headerBytesMax,
                requestLineBytesMax, value, idleTimeoutMs);
    }

    public WebServerConfig withIdleTimeoutMs(long value) {
        return new WebServerConfig(root, bind, transport, ioThreads, connectionsMax, headerBytesMax,
                requestLineBytesMax, keepAliveTimeoutMs, value);
    }
}
