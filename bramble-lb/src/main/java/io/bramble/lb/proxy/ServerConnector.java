package io.bramble.lb.proxy;

import io.bramble.lb.http1.ServerCodec;
import io.bramble.lb.limit.BufferGuard;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetSocketAddress;

/**
 * Opens HTTP connections to a backend's servers on the caller's event loop, with the
 * backend's connect timeout and its {@code srvtcpka}. One bootstrap per event loop, built on
 * first use.
 */
final class ServerConnector {
    private final Engine engine;
    private final int connectTimeoutMs;
    /** SO_KEEPALIVE on the connections ({@code option srvtcpka}). */
    private final boolean keepAlive;
    private final FastThreadLocal<Bootstrap> bootstraps = new FastThreadLocal<>();

    ServerConnector(Engine engine, long connectTimeoutMs, boolean keepAlive) {
        this.engine = engine;
        this.connectTimeoutMs = (int) Math.min(Integer.MAX_VALUE, connectTimeoutMs);
        this.keepAlive = keepAlive;
    }

    /** Connects from the calling event loop; the channel's handler starts detached. */
    ChannelFuture connect(EventLoop loop, InetSocketAddress address) {
        return connect(loop, address, null);
    }

    /** Connects as above, adding TLS to the server when {@code tls} is set. */
    ChannelFuture connect(EventLoop loop, InetSocketAddress address,
            io.bramble.lb.tls.TlsOrigination tls) {
        return connect(loop, address, tls, null, null);
    }

    /**
     * Connects as above; the connection starts with {@code proxyHeader} (the PROXY header,
     * sent before TLS) when it is set, and leaves from {@code source} when it is set.
     */
    ChannelFuture connect(EventLoop loop, InetSocketAddress address,
            io.bramble.lb.tls.TlsOrigination tls, byte[] proxyHeader, InetSocketAddress source) {
        ChannelFuture connecting = plainConnect(loop, address, source);
        if (tls != null || proxyHeader != null) {
            // Runs before the caller's listener: the session writes into TLS from the start.
            connecting.addListener((ChannelFuture f) -> {
                if (!f.isSuccess()) {
                    return;
                }
                if (proxyHeader != null) {
                    // From the first handler's context: only the socket is below it.
                    f.channel().pipeline().firstContext().writeAndFlush(
                            Unpooled.wrappedBuffer(proxyHeader), f.channel().voidPromise());
                }
                if (tls != null) {
                    f.channel().pipeline().addAfter("guard", "tls", tls.newHandler(
                            engine.allocator, address));
                }
            });
        }
        return connecting;
    }

    private ChannelFuture plainConnect(EventLoop loop, InetSocketAddress address,
            InetSocketAddress source) {
        Bootstrap bootstrap = bootstraps.get();
        if (bootstrap == null) {
            bootstrap = new Bootstrap().group(loop).channel(engine.transport.channel)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, keepAlive)
                    .option(ChannelOption.ALLOCATOR, engine.allocator)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            BufferGuard guard = new BufferGuard(engine.buffers);
                            channel.pipeline()
                                    .addLast("guard", guard)
                                    .addLast("http", new ServerCodec(
                                            HttpLimits.decoderConfig()))
                                    .addLast("server", new ServerHandler(guard));
                        }
                    });
            bootstraps.set(bootstrap);
        }
        return source == null ? bootstrap.connect(address) : bootstrap.connect(address, source);
    }
}
