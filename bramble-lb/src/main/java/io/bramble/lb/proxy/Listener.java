package io.bramble.lb.proxy;

import io.bramble.common.net.HostPort;
import io.netty.channel.Channel;
import java.util.function.Consumer;

/**
 * A bound listening socket and what sets up the connections it accepts. A reload hands the
 * socket to the next configuration generation by pointing {@link #setup} elsewhere: the socket
 * is never closed, so no client is refused while a reload runs.
 */
final class Listener {
    final HostPort address;
    /** Set once bound; never replaced. */
    Channel channel;
    /** The generation accepting on it now; changed only by a reload, under its lock. */
    volatile LoadBalancer owner;
    /** Builds the pipeline of an accepted connection for the generation that owns it now. */
    volatile Consumer<Channel> setup;
    /** The frontend's maxconn gate in the listener's pipeline. */
    AcceptLimiter limiter;

    Listener(HostPort address, Channel channel, Consumer<Channel> setup, AcceptLimiter limiter) {
        this.address = address;
        this.channel = channel;
        this.setup = setup;
        this.limiter = limiter;
    }

    /** Gives the socket to another generation's frontend, with that frontend's maxconn gate. */
    void handOver(Consumer<Channel> nextSetup, AcceptLimiter nextLimiter) {
        limiter.forget(channel);
        channel.pipeline().replace(limiter, "limiter", nextLimiter);
        limiter = nextLimiter;
        nextLimiter.listening(channel);
        setup = nextSetup;
        channel.config().setAutoRead(true);
        channel.read();
    }
}
