package io.bramble.lb.proxy;

import io.bramble.lb.config.LogFormat;
import io.bramble.lb.log.HttpLogLine;
import io.netty.channel.Channel;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;

/**
 * Builds the line of an exchange from what it recorded: an httplog line, or a tcplog line in
 * a proxy with {@code option tcplog}, as HAProxy logs an http proxy's requests then.
 */
final class AccessLine {
    private AccessLine() {
    }

    static String of(Exchange current, Frontend frontend, Channel client, Engine engine) {
        long end = engine.clock.nanoTime();
        InetSocketAddress remote = ClientAddresses.remoteInet(client);
        String backend = current.backend == null ? frontend.name() : current.backend.name();
        String server = current.server == null ? "<NOSRV>" : current.server.name();
        if (current.statsPage != null) {
            server = "<STATS>";
        }
        // The stats page answers at once: HAProxy logs its connect and response times as 0.
        boolean stats = current.statsPage != null;
        long connectMs = stats
                ? 0
                : current.connectedNanos < 0
                        ? (current.reusedConnection ? 0 : -1)
                        : millis(current.connectedNanos - current.connectStartNanos);
        long responseMs = stats
                ? 0
                : current.responseNanos < 0
                        ? -1
                        : millis(current.responseNanos - current.startNanos)
                                - millis(current.queuedNanos) - Math.max(0, connectMs);
        // As HAProxy's: -1 for a request that reached neither the queue nor a server.
        long queueMs = stats || current.server != null || current.enteredQueue
                ? millis(current.queuedNanos)
                : -1;
        String line = current.request.method().name() + " " + current.receivedUri + " "
                + current.request.protocolVersion().text();
        return render(frontend, new HttpLogLine.Fields(address(remote), port(remote),
                current.startEpochMillis, frontend.name(), backend, server, 0, queueMs,
                connectMs,
                responseMs, millis(end - current.startNanos), current.status,
                current.bytesOut, current.termination, engine.activeConnections.get(),
                frontend.counters.currentSessions(),
                current.backend == null ? 0 : current.backend.counters.currentSessions(),
                current.server == null ? 0 : current.server.counters.currentSessions(),
                current.retries, current.redispatched, line));
    }

    static String badRequest(Frontend frontend, Channel client, Engine engine, int status) {
        InetSocketAddress remote = ClientAddresses.remoteInet(client);
        return render(frontend, new HttpLogLine.Fields(address(remote), port(remote),
                engine.clock.epochMillis(), frontend.name(), frontend.name(), "<NOSRV>", -1, -1,
                -1, -1, 0, status, 0, "PR--", engine.activeConnections.get(),
                frontend.counters.currentSessions(), 0, 0, 0, false, "<BADREQ>"));
    }

    private static String render(Frontend frontend, HttpLogLine.Fields fields) {
        return frontend.log.line(fields, frontend.log.format() == LogFormat.TCP);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000L;
    }

    private static String address(InetSocketAddress remote) {
        return remote == null ? "-" : NetUtil.toAddressString(remote.getAddress());
    }

    private static int port(InetSocketAddress remote) {
        return remote == null ? 0 : remote.getPort();
    }
}
