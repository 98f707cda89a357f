package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The event loops and channel classes: native epoll when the platform has it, NIO otherwise.
 * Client and server connections of one session share one event loop, so a session never
 * crosses threads.
 */
final class Transport implements AutoCloseable {
    final EventLoopGroup acceptors;
    final EventLoopGroup workers;
    final Class<? extends ServerChannel> serverChannel;
    final Class<? extends Channel> channel;
    final boolean epoll;
    final int threads;

    private Transport(int threads) {
        this.threads = threads;
        this.epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll
                ? EpollIoHandler.newFactory()
                : NioIoHandler.newFactory();
        this.acceptors = new MultiThreadIoEventLoopGroup(1, factory);
        this.workers = new MultiThreadIoEventLoopGroup(threads, factory);
        this.serverChannel = epoll
                ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        this.channel = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** Event loops for {@code nbthread} threads; 0 means one per available core. */
    static Transport create(int nbthread) {
        int threads = nbthread > 0 ? nbthread : Runtime.getRuntime().availableProcessors();
        return new Transport(threads);
    }

    @Override
    public void close() {
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptors.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
    }
}
