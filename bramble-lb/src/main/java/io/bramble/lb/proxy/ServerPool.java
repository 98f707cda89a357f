package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;

/**
 * Idle keep-alive connections to one server, one stack per event loop: a session takes a
 * connection on its own loop, so no lock is needed and no connection changes threads. Used
 * only from event-loop threads.
 */
final class ServerPool {
    /** Idle connections kept per event loop and server; more are closed. */
    static final int IDLE_PER_LOOP_MAX = 256;

    private final FastThreadLocal<ArrayDeque<Channel>> idle = new FastThreadLocal<>() {
        @Override
        protected ArrayDeque<Channel> initialValue() {
            return new ArrayDeque<>();
        }
    };

    /** A live idle connection owned by the calling event loop, or null. */
    Channel acquire() {
        ArrayDeque<Channel> stack = idle.get();
        Channel channel;
        while ((channel = stack.pollLast()) != null) {
            if (channel.isActive()) {
                return channel;
            }
            channel.close();
        }
        return null;
    }

    /** Keeps a connection for reuse by this event loop, or closes it when full. */
    void release(Channel channel) {
        ArrayDeque<Channel> stack = idle.get();
        if (!channel.isActive() || stack.size() >= IDLE_PER_LOOP_MAX
                || !channel.eventLoop().inEventLoop()) {
            channel.close();
            return;
        }
        stack.addLast(channel);
    }

    /** The server closed an idle connection: forget it. Called on its event loop. */
    void forget(Channel channel) {
        idle.get().remove(channel);
    }
}
