package io.bramble.lb.proxy;

import io.bramble.lb.config.BindConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generation's listeners on addresses this node holds only at times, such as a virtual
 * address that VRRP in the same process moves between nodes. They are not bound at start;
 * {@link #hold} binds every one on an address and {@link #release} closes them. Holding twice
 * or releasing an address not held does nothing. They bind with SO_REUSEPORT, so that on one
 * machine the node taking an address over can bind before the node giving it up has closed,
 * and no client is refused in between; and with IP_TRANSPARENT when
 * {@link FollowedAddresses} asks.
 *
 * <p>
 * After a reload the next generation {@link #adopt adopts} the held addresses, binding its own
 * listeners beside these (SO_REUSEPORT again), and from then on this generation passes
 * {@link #hold} and {@link #release} to it, so a VRRP change never lands on a generation that
 * is going away. Lock order: an older generation's lock before a newer one's.
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
    private final Binder binder;
    private final List<Waiting> waiting = new ArrayList<>();
    private final Map<InetAddress, List<Channel>> bound = new LinkedHashMap<>();
    /** The next generation's, once it adopted this one's addresses. */
    private FollowedBinds successor;
    private boolean closed;

    FollowedBinds(FollowedAddresses followed, Binder binder) {
        this.followed = followed;
        this.binder = binder;
    }

    FollowedAddresses addresses() {
        return followed;
    }

    /** True when a listener on {@code address} waits for the address to be held. */
    boolean follows(InetSocketAddress address) {
        return followed.addresses().contains(address.getAddress());
    }

    /** Sets the options of a followed listener: SO_REUSEPORT, and IP_TRANSPARENT if asked. */
    void configure(ServerBootstrap bootstrap, Transport transport) {
        if (transport.poller == Poller.NIO) {
            // NIO has no IP_TRANSPARENT: a request in flight when the address moves may hang.
            bootstrap.option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true);
            return;
        }
        bootstrap.option(UnixChannelOption.SO_REUSEPORT, true);
        if (followed.transparent()) {
            transparent(bootstrap, transport);
        }
    }

    /**
     * Sets IP_TRANSPARENT on a listener bound at start on one address (not a wildcard, not
     * loopback) when {@link FollowedAddresses#transparent} asks: a standalone balancer on an
     * address that VRRP moves (ip_nonlocal_bind) can then still answer, from that address, the
     * requests it accepted just before the address left this node.
     */
    void configureFixed(ServerBootstrap bootstrap, Transport transport,
            InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (followed.transparent() && !ip.isAnyLocalAddress() && !ip.isLoopbackAddress()) {
            transparent(bootstrap, transport);
        }
    }

    private static void transparent(ServerBootstrap bootstrap, Transport transport) {
        switch (transport.poller) {
            case IO_URING -> bootstrap.option(IoUringChannelOption.IP_TRANSPARENT, true);
            case EPOLL -> bootstrap.option(EpollChannelOption.IP_TRANSPARENT, true);
            case NIO -> {
            }
        }
    }

    synchronized void add(Frontend frontend, BindConfig bind, InetSocketAddress address) {
        waiting.add(new Waiting(frontend, bind, address));
    }

    /** The generation that takes holds now: this one, or the newest that adopted it. */
    synchronized FollowedBinds newest() {
        return successor == null ? this : successor.newest();
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
    synchronized void hold(InetAddress address) {
        if (successor != null) {
            successor.hold(address);
            return;
        }
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
        if (successor != null) {
            successor.release(address);
            return;
        }
        closeBound(address);
    }

    synchronized boolean holds(InetAddress address) {
        return successor != null ? successor.holds(address) : bound.containsKey(address);
    }

    /**
     * Binds this generation's listeners on every address {@code previous} holds and makes
     * {@code previous} pass later calls here; on a failure nothing changes.
     */
    void adopt(FollowedBinds previous) {
        synchronized (previous) {
            synchronized (this) {
                List<InetAddress> taken = new ArrayList<>();
                try {
                    for (InetAddress address : previous.bound.keySet()) {
                        hold(address);
                        taken.add(address);
                    }
                } catch (RuntimeException e) {
                    taken.forEach(this::closeBound);
                    throw e;
                }
                previous.successor = this;
            }
        }
    }

    /** Closes this generation's listeners; holds and releases already passed on go on. */
    synchronized void close() {
        closed = true;
        for (InetAddress address : List.copyOf(bound.keySet())) {
            closeBound(address);
        }
    }

    private void closeBound(InetAddress address) {
        List<Channel> channels = bound.remove(address);
        if (channels != null) {
            channels.forEach(channel -> channel.close().syncUninterruptibly());
        }
    }
}
