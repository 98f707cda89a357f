package io.bramble.lb.proxy;

import io.bramble.lb.config.BindConfig;
import io.netty.channel.Channel;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listeners on addresses this node holds only at times, such as a virtual address that VRRP
 * in the same process moves between nodes. They are not bound at start; {@link #hold} binds
 * every one on an address and {@link #release} closes them. Holding twice or releasing an
 * address not held does nothing. They bind with SO_REUSEPORT, so that on one machine the
 * node taking an address over can bind before the node giving it up has closed, and no
 * client is refused in between; and with IP_TRANSPARENT when {@link FollowedAddresses} asks.
 */
final class FollowedBinds {
    /** A listener waiting for its address: the frontend, its bind line and the address. */
    record Waiting(Frontend frontend, BindConfig bind, InetSocketAddress address) {}

    /** Binds one waiting listener or throws, naming the bind line. */
    @FunctionalInterface
    interface Binder {
        Channel bind(Waiting waiting);
    }

    private final FollowedAddresses followed;
    private final List<Waiting> waiting = new ArrayList<>();
    private final Map<InetAddress, List<Channel>> bound = new LinkedHashMap<>();
    private boolean closed;

    FollowedBinds(FollowedAddresses followed) {
        this.followed = followed;
    }

    /** True when a listener on {@code address} waits for the address to be held. */
    boolean follows(InetSocketAddress address) {
        return followed.addresses().contains(address.getAddress());
    }

    /** Sets the options of a followed listener: SO_REUSEPORT, and IP_TRANSPARENT if asked. */
    void configure(ServerBootstrap bootstrap, Transport transport) {
        if (transport.epoll) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
            if (followed.transparent()) {
                bootstrap.option(EpollChannelOption.IP_TRANSPARENT, true);
            }
        } else {
            // NIO has no IP_TRANSPARENT: a request in flight when the address moves may hang.
            bootstrap.option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true);
        }
    }

    synchronized void add(Frontend frontend, BindConfig bind, InetSocketAddress address) {
        waiting.add(new Waiting(frontend, bind, address));
    }

    /** The frontends listening on {@code address}, bound now or not. */
    synchronized List<Frontend> frontendsOn(InetAddress address) {
        return waiting.stream().filter(w -> w.address().getAddress().equals(address))
                .map(Waiting::frontend).distinct().toList();
    }

    /** Every listener's address, in configuration order, bound now or not. */
    synchronized List<InetSocketAddress> all() {
        return waiting.stream().map(Waiting::address).toList();
    }

    /** Binds every listener on {@code address}; on a failure none stays bound. */
    synchronized void hold(InetAddress address, Binder binder) {
        if (closed || bound.containsKey(address)) {
            return;
        }
        List<Channel> channels = new ArrayList<>();
        try {
            for (Waiting each : waiting) {
                if (each.address().getAddress().equals(address)) {
                    channels.add(binder.bind(each));
                }
            }
        } catch (RuntimeException e) {
            channels.forEach(channel -> channel.close().syncUninterruptibly());
            throw e;
        }
        bound.put(address, channels);
    }

    /** Closes the listeners on {@code address}; connections they accepted go on. */
    synchronized void release(InetAddress address) {
        List<Channel> channels = bound.remove(address);
        if (channels != null) {
            channels.forEach(channel -> channel.close().syncUninterruptibly());
        }
    }

    synchronized boolean holds(InetAddress address) {
        return bound.containsKey(address);
    }

    /** Releases everything; later holds do nothing. */
    synchronized void close() {
        closed = true;
        for (InetAddress address : List.copyOf(bound.keySet())) {
            release(address);
        }
    }
}
