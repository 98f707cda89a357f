package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The event loops and channel classes of one {@link Poller}. Client and server connections of
 * one session share one event loop, so a session never crosses threads.
 */
public final class Transport implements AutoCloseable {
    public final EventLoopGroup acceptors;
    public final EventLoopGroup workers;
    public final Class<? extends ServerChannel> serverChannel;
    public final Class<? extends Channel> channel;
    public final Poller poller;
    public final int threads;

    private Transport(int threads, Poller poller) {
        this.threads = threads;
        this.poller = poller;
        IoHandlerFactory factory = switch (poller) {
            case IO_URING -> IoUringIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
        this.acceptors = new MultiThreadIoEventLoopGroup(1, factory);
        this.workers = new MultiThreadIoEventLoopGroup(threads, factory);
        this.serverChannel = switch (poller) {
            case IO_URING -> IoUringServerSocketChannel.class;
            case EPOLL -> EpollServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
        };
        this.channel = switch (poller) {
            case IO_URING -> IoUringSocketChannel.class;
            case EPOLL -> EpollSocketChannel.class;
            case NIO -> NioSocketChannel.class;
        };
    }

    /** Event loops for {@code nbthread} threads (0 means one per available core). */
    public static Transport create(int nbthread, Poller poller) {
        int threads = nbthread > 0 ? nbthread : Runtime.getRuntime().availableProcessors();
        return new Transport(threads, poller);
    }

    @Override
    public void close() {
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptors.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
    }
}
