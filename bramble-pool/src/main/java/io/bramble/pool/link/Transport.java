package io.bramble.pool.link;

import io.bramble.common.error.UserError;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.bramble.pool.wire.Message;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The management port and outgoing connections, on two Netty event-loop threads. Every
 * connection is TLS from its first byte; see {@link Tls} for who is trusted.
 */
public final class Transport implements AutoCloseable {
    /** Inbound connections at once; more are closed on accept. */
    public static final int INBOUND_CONNECTIONS_MAX = 256;
    /** A connection silent this long is closed (members send heartbeats every 100 ms). */
    public static final int READ_IDLE_SECONDS_MAX = 15;
    /** The name of the handler that closes a silent inbound connection. */
    static final String IDLE_HANDLER = "idle";
    /** How long a connection attempt may take. */
    public static final int CONNECT_TIMEOUT_MS = 1_000;
    /**
     * How long an attempt to link to a member may take: on a LAN the kernels answer a
     * connection within milliseconds, and attempts are made again every
     * {@code PoolNode.RECONNECT_MS} after this, so a member whose cable is plugged back in is
     * reached within about this long.
     */
    public static final int MEMBER_CONNECT_TIMEOUT_MS = 500;
    /** How long a one-shot exchange's TLS handshake may take (Netty's default). */
    static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    /** How long a member link's TLS handshake may take before the attempt is made again. */
    public static final int MEMBER_HANDSHAKE_TIMEOUT_MS = 3_000;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2,
            NioIoHandler.newFactory());
    private final Supplier<Tls> tls;
    private final LinkHandler handler;
    private final BadFrames bad;
    private final AtomicInteger inboundCount = new AtomicInteger();
    private final String localHost;
    private Channel listener;

    /**
     * @param localHost the address outgoing connections come from (this node's own, so that
     *     peers see it and not another address of the machine); null to let the system pick
     */
    public Transport(Supplier<Tls> tls, LinkHandler handler, BadFrames bad, String localHost) {
        this.tls = tls;
        this.handler = handler;
        this.bad = bad;
        this.localHost = localHost;
    }

    /** Listens on {@code address}; fails with a user error when it cannot. */
    public InetSocketAddress listen(InetSocketAddress address) {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (inboundCount.incrementAndGet() > INBOUND_CONNECTIONS_MAX) {
                            inboundCount.decrementAndGet();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> inboundCount.decrementAndGet());
                        pipeline(ch, tls.get().server().newHandler(ch.alloc()), true);
                    }
                });
        try {
            listener = bootstrap.bind(address).sync().channel();
        } catch (Exception e) {
            throw new UserError(UserError.EXIT_RUNTIME, "cannot listen on " + address.getAddress()
                    .getHostAddress() + ":" + address.getPort() + " (" + e.getMessage()
                    + "); is another bramble node or glusterd running there? Choose another"
                    + " with --listen", e);
        }
        return (InetSocketAddress) listener.localAddress();
    }

    /** Connects to the member at {@code address}; the link is ready once TLS is up. */
    public CompletableFuture<Link> connect(InetSocketAddress address) {
        return connect(address, handler, MEMBER_CONNECT_TIMEOUT_MS, MEMBER_HANDSHAKE_TIMEOUT_MS);
    }

    /** Connects with a handler of its own (one-shot exchanges). */
    public CompletableFuture<Link> connect(InetSocketAddress address, LinkHandler own) {
        return connect(address, own, CONNECT_TIMEOUT_MS, HANDSHAKE_TIMEOUT_MS);
    }

    private CompletableFuture<Link> connect(InetSocketAddress address, LinkHandler own,
            int connectTimeoutMs, int handshakeTimeoutMs) {
        CompletableFuture<Link> ready = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        var ssl = tls.get().client().newHandler(ch.alloc(),
                                address.getHostString(), address.getPort());
                        ssl.setHandshakeTimeoutMillis(handshakeTimeoutMs);
                        Link link = pipeline(ch, ssl, false, own);
                        ssl.handshakeFuture().addListener(f -> {
                            if (f.isSuccess()) {
                                ready.complete(link);
                            } else {
                                ready.completeExceptionally(f.cause());
                                ch.close();
                            }
                        });
                    }
                });
        ChannelFuture connecting = localHost == null
                ? bootstrap.connect(address)
                : bootstrap.connect(address, new InetSocketAddress(localHost, 0));
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                ready.completeExceptionally(f.cause());
            }
        });
        return ready;
    }

    private Link pipeline(SocketChannel ch, io.netty.handler.ssl.SslHandler ssl,
            boolean inbound) {
        return pipeline(ch, ssl, inbound, handler);
    }

    private Link pipeline(SocketChannel ch, io.netty.handler.ssl.SslHandler ssl,
            boolean inbound, LinkHandler own) {
        Link link = new Link(ch, inbound);
        if (inbound) {
            // Only the caller talks on a link (heartbeats, requests); the called side may
            // stay silent for ever, so only it bounds how long it waits.
            ch.pipeline().addLast(IDLE_HANDLER, new ReadTimeoutHandler(READ_IDLE_SECONDS_MAX,
                    TimeUnit.SECONDS));
        }
        ch.pipeline().addLast("tls", ssl);
        Frames.install(ch.pipeline(), bad);
        ch.pipeline().addBefore("bad-input", "node", new SimpleChannelInboundHandler<Message>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, Message message) {
                own.onMessage(link, message);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                own.onClosed(link);
            }
        });
        return link;
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
