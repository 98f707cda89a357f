package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client connections one configuration generation accepted. After a reload the old
 * generation is retired: its HTTP connections close once idle (at once when idle now, after
 * the response in flight otherwise), and it is drained when the last one has closed.
 */
final class Generation {
    /** The event fired at each HTTP session of a retired generation. */
    static final Object RETIRE = new Object() {
        @Override
        public String toString() {
            return "RETIRE";
        }
    };

    private final Set<Channel> clients = ConcurrentHashMap.newKeySet();
    private boolean retired;

    /** Counts {@code channel} until it closes. */
    void track(Channel channel) {
        clients.add(channel);
        channel.closeFuture().addListener(f -> {
            clients.remove(channel);
            synchronized (this) {
                notifyAll();
            }
        });
    }

    /** Marks the frontends retiring and asks every open session to close once idle. */
    void retire(Collection<Frontend> frontends) {
        synchronized (this) {
            retired = true;
        }
        frontends.forEach(frontend -> frontend.retiring = true);
        for (Channel channel : clients) {
            channel.eventLoop().execute(() -> channel.pipeline().fireUserEventTriggered(RETIRE));
        }
    }

    /** Blocks until no client connection of this generation is open. */
    void awaitDrained() {
        synchronized (this) {
            while (!clients.isEmpty()) {
                try {
                    wait(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    synchronized boolean retired() {
        return retired;
    }

    void closeAll() {
        clients.forEach(Channel::close);
    }
}
