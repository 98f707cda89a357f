package io.bramble.fs.brick.wire;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Netty's native epoll transport where it loads (Linux on x86-64; it saves a copy and a
 * wake-up per read), else Java's NIO. Event-loop threads never touch the disk.
 */
final class EventLoops {
    private EventLoops() {
    }

    static EventLoopGroup group(int threads, String name) {
        DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
        return Epoll.isAvailable()
                ? new MultiThreadIoEventLoopGroup(threads, factory, EpollIoHandler.newFactory())
                : new MultiThreadIoEventLoopGroup(threads, factory, NioIoHandler.newFactory());
    }

    static Class<? extends ServerChannel> serverChannel() {
        return Epoll.isAvailable()
                ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
    }

    static Class<? extends SocketChannel> socketChannel() {
        return Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
