package io.bramble.lvs.nat;

import io.bramble.common.time.Clock;
import io.bramble.lb.proxy.Poller;
import io.bramble.lb.proxy.Transport;
import io.bramble.lvs.service.ServiceCounters;
import io.bramble.lvs.service.VirtualService;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts TCP connections on a virtual service's addresses and relays each to the real server
 * its service chooses ({@link TcpSession}); a connection no server may take, or past
 * {@link DirectorLimits#connectionsMax}, is reset.
 */
public final class TcpDirector implements AutoCloseable {
    private final VirtualService service;
    private final Transport transport;
    private final DirectorLimits limits;
    private final Clock clock;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Channel> listeners = new ArrayList<>();

    public TcpDirector(VirtualService service, Transport transport, DirectorLimits limits,
            Clock clock) {
        this.clock = clock;
        this.service = service;
        this.transport = transport;
        this.limits = limits;
    }

    /** Listens on every address of the service; fails when one cannot be bound. */
    public void start() throws InterruptedException {
        for (InetSocketAddress address : service.config().addresses()) {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(transport.acceptors, transport.workers)
                    .channel(transport.serverChannel)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel client) {
                            client.config().setAutoRead(false);
                            ((SocketChannel) client).config().setAllowHalfClosure(true);
                            client.pipeline().addLast("early", new EarlyInput())
                                    .addLast("accept", new Accept());
                        }
                    });
            if (transport.poller == Poller.EPOLL) {
                // A backup director listens on the virtual address before it holds it.
                bootstrap.option(EpollChannelOption.IP_FREEBIND, true);
            }
            listeners.add(bootstrap.bind(address).sync().channel());
        }
    }

    /** Connections relayed now. */
    public int connections() {
        return connections.get();
    }

    private final class Accept extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (connections.incrementAndGet() > limits.connectionsMax()) {
                connections.decrementAndGet();
                service.counters().refused(ServiceCounters.Refusal.TABLE_FULL);
                TcpSession.reset(ctx.channel());
                return;
            }
            TcpSession.open(ctx.channel(), service, transport, limits,
                    connections::decrementAndGet, clock);
        }
    }

    @Override
    public void close() {
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
    }
}
