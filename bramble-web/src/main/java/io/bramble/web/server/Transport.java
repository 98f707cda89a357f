package io.bramble.web.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.nio.channels.spi.SelectorProvider;

/**
 * The I/O transport: Linux's native epoll where it loads (fewer copies and syscalls, and
 * {@code sendfile} for files), the JDK's NIO everywhere else. Both send files without copying
 * them through the JVM.
 */
public enum Transport {
    EPOLL {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        ServerChannel newServerChannel(SocketProtocolFamily family) {
            return new EpollServerSocketChannel(family);
        }
    },
    NIO {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        ServerChannel newServerChannel(SocketProtocolFamily family) {
            return new NioServerSocketChannel(SelectorProvider.provider(), family);
        }
    };

    /** Epoll when its native library loads on this machine, else NIO. */
    public static Transport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    abstract IoHandlerFactory ioHandlerFactory();

    /**
     * A listening socket of {@code family}: an IPv4 one for an IPv4 address, so that
     * {@code 0.0.0.0} means IPv4 only, as it does for Apache; an IPv6 one otherwise, which
     * for {@code ::} also takes IPv4 clients.
     */
    abstract ServerChannel newServerChannel(SocketProtocolFamily family);
}
