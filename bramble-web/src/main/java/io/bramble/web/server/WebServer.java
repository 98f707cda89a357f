package io.bramble.web.server;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.web.files.FileLookup;
import io.bramble.web.http.StaticFileHandler;
import io.bramble.web.log.AccessLog;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A static file server: serves one directory over HTTP/1.1 until stopped. Start it with
 * {@link #start}; it listens once that returns, on {@link #boundAddress()}. The same server,
 * bounds and all, serves pages a handler makes instead ({@link #startPages}).
 */
public final class WebServer implements AutoCloseable {
    /** Apache's ListenBacklog: clients over {@code connectionsMax} wait here. */
    public static final int LISTEN_BACKLOG = 511;
    /** Unsent response bytes above which a connection stops reading requests. */
    public static final int WRITE_BUFFER_HIGH_BYTES = 64 * 1024;
    public static final int WRITE_BUFFER_LOW_BYTES = 32 * 1024;
    /** How long stopping waits for the event loops to finish their current work. */
    public static final long STOP_TIMEOUT_MS = 2_000;

    private final Channel listener;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final ConnectionLimit connectionLimit;
    private final Transport transport;
    private final Path root;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private WebServer(Channel listener, EventLoopGroup acceptGroup, EventLoopGroup ioGroup,
            ConnectionLimit connectionLimit, Transport transport, Path root) {
        this.listener = listener;
        this.acceptGroup = acceptGroup;
        this.ioGroup = ioGroup;
        this.connectionLimit = connectionLimit;
        this.transport = transport;
        this.root = root;
    }

    /**
     * Starts serving. Fails with a {@link UserError} when the root is not a directory (exit 2)
     * or the address cannot be listened on (exit 1); nothing is left running then.
     */
    public static WebServer start(WebServerConfig config, AccessLog accessLog, Clock clock) {
        FileLookup files = lookup(config.root());
        return listen(config, () -> new StaticFileHandler(files, accessLog, clock), files
                .root());
    }

    /**
     * Starts serving what {@code answers} answers: one handler for each connection, after the
     * HTTP codec (a {@link io.bramble.web.http.TextPageHandler}, say). The config's root is
     * not read. Fails with a {@link UserError} (exit 1) when the address cannot be listened
     * on.
     */
    public static WebServer startPages(WebServerConfig config,
            Supplier<ChannelHandler> answers) {
        return listen(config, answers, config.root());
    }

    private static WebServer listen(WebServerConfig config, Supplier<ChannelHandler> answers,
            Path root) {
        if (config.transport() == Transport.EPOLL) {
            Epoll.ensureAvailability();
        }
        EventLoopGroup acceptGroup = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("bramble-web-accept"),
                config.transport().ioHandlerFactory());
        EventLoopGroup ioGroup = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("bramble-web-io"),
                config.transport().ioHandlerFactory());
        ConnectionLimit limit = new ConnectionLimit(config.connectionsMax());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channelFactory(() -> config.transport().newServerChannel(family(config.bind())))
                .option(ChannelOption.SO_BACKLOG, LISTEN_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(limit)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        WRITE_BUFFER_LOW_BYTES, WRITE_BUFFER_HIGH_BYTES))
                .childHandler(new WebChannelInitializer(config, answers));
        try {
            Channel listener = bootstrap.bind(config.bind()).sync().channel();
            return new WebServer(listener, acceptGroup, ioGroup, limit, config.transport(),
                    root);
        } catch (Exception e) { // sync() rethrows the bind failure as thrown, checked or not
            shutDown(acceptGroup, ioGroup);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw UserError.runtime("cannot listen on " + show(config.bind()) + ": "
                    + reason(e), e);
        }
    }

    private static FileLookup lookup(Path root) {
        if (!Files.isDirectory(root)) {
            throw UserError.usage("cannot serve " + root + ": " + (Files.exists(root)
                    ? "not a directory"
                    : "no such directory"));
        }
        try {
            return new FileLookup(root);
        } catch (IOException e) {
            throw UserError.usage("cannot serve " + root + ": " + e.getMessage());
        }
    }

    /** The address listened on, with the real port when port 0 was asked for. */
    public InetSocketAddress boundAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** The directory served, as a real path; null for a server of pages. */
    public Path root() {
        return root;
    }

    public Transport transport() {
        return transport;
    }

    /** Client connections open now. */
    public int openConnections() throws InterruptedException {
        try {
            return listener.eventLoop().submit(connectionLimit::open).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the server is stopped", e);
        }
    }

    /** Stops listening, closes every connection and ends the threads; idempotent. */
    public void stop() {
        if (stopping.compareAndSet(false, true)) {
            listener.close().syncUninterruptibly();
            shutDown(acceptGroup, ioGroup);
            stopped.countDown();
        }
        awaitStopUninterruptibly();
    }

    private void awaitStopUninterruptibly() {
        boolean interrupted = false;
        while (stopped.getCount() > 0) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the first {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code 127.0.0.1:8080}, {@code [::1]:8080}: as users write addresses. */
    public static String show(InetSocketAddress address) {
        if (address.getAddress() == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        String host = NetUtil.toAddressString(address.getAddress());
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static SocketProtocolFamily family(InetSocketAddress bind) {
        return bind.getAddress() instanceof Inet4Address
                ? SocketProtocolFamily.INET
                : SocketProtocolFamily.INET6;
    }

    private static void shutDown(EventLoopGroup acceptGroup, EventLoopGroup ioGroup) {
        acceptGroup.shutdownGracefully(0, STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        ioGroup.shutdownGracefully(0, STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        acceptGroup.terminationFuture().syncUninterruptibly();
        ioGroup.terminationFuture().syncUninterruptibly();
    }

    /** The operating system's words for a bind failure, lower-cased to read as a clause. */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int colon = message.lastIndexOf(": "); // epoll says "bind(..) failed: Address ..."
        String why = colon >= 0 ? message.substring(colon + 2) : message;
        return why.isEmpty()
                ? why
                : why.substring(0, 1).toLowerCase(Locale.ROOT)
                        + why.substring(1);
    }
}
