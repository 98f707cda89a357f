package io.bramble.lvs.nat;

import io.bramble.common.time.Clock;
import io.bramble.lb.proxy.TcpRelay;
import io.bramble.lb.proxy.Transport;
import io.bramble.lvs.schedule.Destination;
import io.bramble.lvs.service.VirtualService;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One client connection directed to one real server: the server chosen, the connection made
 * on the client's event loop, then a pair of lb {@link TcpRelay}s passing bytes and
 * half-closes both ways. The connection counts as active on its server until one side
 * closes, then as inactive until both are done; it is closed after
 * {@link DirectorLimits#tcpIdle} without traffic, or {@link DirectorLimits#tcpFinIdle} once
 * half-closed, as IPVS times its connection states. Confined to the client's event loop.
 */
final class TcpSession {
    private final Channel client;
    private final VirtualService service;
    private final DirectorLimits limits;
    private final Destination server;
    private final Runnable onEnd;
    private final Clock clock;
    private final InetSocketAddress clientAddress;
    private Channel upstream;
    private boolean closing;
    private boolean ended;
    private long lastActivityNanos;
    private ScheduledFuture<?> timer;

    private TcpSession(Channel client, VirtualService service, DirectorLimits limits,
            Destination server, Runnable onEnd, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.clientAddress = (InetSocketAddress) client.remoteAddress();
        this.lastActivityNanos = clock.nanoTime();
        this.service = service;
        this.limits = limits;
        this.server = server;
        this.onEnd = onEnd;
    }

    static void open(Channel client, VirtualService service, Transport transport,
            DirectorLimits limits, Runnable onEnd, Clock clock) {
        InetSocketAddress from = (InetSocketAddress) client.remoteAddress();
        InetSocketAddress to = (InetSocketAddress) client.localAddress();
        Destination server = service.connect(from.getAddress(), to.getAddress());
        if (server == null) {
            onEnd.run();
            reset(client);
            return;
        }
        TcpSession session = new TcpSession(client, service, limits, server, onEnd, clock);
        ChannelFuture connecting = new Bootstrap().group(client.eventLoop())
                .channel(transport.channel)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) limits.connectTimeout().toMillis())
                .handler(new ChannelInboundHandlerAdapter())
                .connect(server.address());
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                session.joined(connecting.channel());
            } else {
                session.end();
                reset(client);
            }
        });
        client.closeFuture().addListener(closed -> {
            if (!connecting.isDone()) {
                connecting.cancel(false);
            }
        });
    }

    /** Closes {@code channel} with a reset, as a refused connection is answered. */
    static void reset(Channel channel) {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        channel.close();
    }

    private void joined(Channel server) {
        upstream = server;
        if (!client.isActive()) {
            server.close();
            end();
            return;
        }
        TcpRelay clientRelay = new TcpRelay(this::touch, this::bothClosed, this::aborted);
        TcpRelay serverRelay = new TcpRelay(this::touch, this::bothClosed, this::aborted);
        clientRelay.onHalfClose(this::halfClosed);
        serverRelay.onHalfClose(this::halfClosed);
        clientRelay.onBytes(service.counters()::incoming);
        serverRelay.onBytes(service.counters()::outgoing);
        server.pipeline().addLast("relay", serverRelay);
        EarlyInput early = (EarlyInput) client.pipeline().get("early");
        service.counters().incoming(early.passOn(server));
        client.pipeline().remove("accept");
        client.pipeline().replace("early", "relay", clientRelay);
        TcpRelay.join(client, clientRelay, server, serverRelay);
        if (early.ended()) {
            clientRelay.inputEnded();
        }
        arm(limits.tcpIdle().toNanos());
    }

    private void touch() {
        lastActivityNanos = clock.nanoTime();
    }

    private void halfClosed() {
        if (!closing) {
            closing = true;
            service.deactivated(server);
            arm(limits.tcpFinIdle().toNanos());
        }
    }

    private void aborted() {
        client.close();
        if (upstream != null) {
            upstream.close();
        }
    }

    private void bothClosed() {
        client.close();
        if (upstream != null) {
            upstream.close();
        }
        end();
    }

    private void arm(long idleNanos) {
        if (timer != null) {
            timer.cancel(false);
        }
        long left = idleNanos - (clock.nanoTime() - lastActivityNanos);
        if (left <= 0) {
            aborted();
            end();
            return;
        }
        timer = client.eventLoop().schedule(() -> arm(idleNanos), left, TimeUnit.NANOSECONDS);
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (timer != null) {
            timer.cancel(false);
        }
        service.disconnected(clientAddress.getAddress(), server, !closing);
        onEnd.run();
    }
}
