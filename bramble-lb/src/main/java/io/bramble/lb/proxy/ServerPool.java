package io.bramble.lb.proxy;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.ServerPoolLimits;
import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Idle keep-alive connections to one server, kept per event loop: a session takes a
 * connection on its own loop, so no lock is needed and no connection changes threads.
 *
 * <p>Bounded three ways, as HAProxy bounds its idle pools: at most {@code pool-max-conn}
 * (and never more than {@link #IDLE_PER_LOOP_MAX}); at most as many as were busy at once
 * since the last purge, so a run of requests one after another keeps one or two, not one per
 * request; and every {@code pool-purge-delay} the connections idle that long are closed. Used
 * only from event-loop threads.
 */
final class ServerPool {
    /** Idle connections kept per event loop and server, whatever the file says. */
    static final int IDLE_PER_LOOP_MAX = 256;

    private final Clock clock;
    private volatile ServerPoolLimits limits;
    private final FastThreadLocal<LoopPool> loops = new FastThreadLocal<>() {
        @Override
        protected LoopPool initialValue() {
            return new LoopPool();
        }
    };

    ServerPool(Clock clock, ServerPoolLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** The limits of the configuration now in force (a reload may change them). */
    void limits(ServerPoolLimits value) {
        this.limits = value;
    }

    private record Idle(Channel channel, long sinceNanos) {}

    /** One event loop's share: its idle connections and how many it has busy. */
    private static final class LoopPool {
        final ArrayDeque<Idle> idle = new ArrayDeque<>();
        int busy;
        int peakBusy;
        ScheduledFuture<?> purge;
    }

    /** A live idle connection owned by the calling event loop, or null. */
    Channel acquire() {
        LoopPool loop = loops.get();
        Idle entry;
        while ((entry = loop.idle.pollLast()) != null) {
            if (entry.channel.isActive()) {
                return entry.channel;
            }
            entry.channel.close();
        }
        return null;
    }

    /** A connection of this loop now serves an exchange. */
    void busy() {
        LoopPool loop = loops.get();
        loop.busy++;
        loop.peakBusy = Math.max(loop.peakBusy, loop.busy);
    }

    /** A connection of this loop no longer serves an exchange (kept or closed after). */
    void notBusy() {
        LoopPool loop = loops.get();
        loop.busy = Math.max(0, loop.busy - 1);
    }

    /** Keeps a clean, idle connection for reuse by this event loop, or closes it. */
    void release(Channel channel) {
        if (!channel.isActive() || !channel.eventLoop().inEventLoop()) {
            channel.close();
            return;
        }
        LoopPool loop = loops.get();
        ServerPoolLimits now = limits;
        int configured = now.idleMax() == ServerPoolLimits.IDLE_UNBOUNDED
                ? IDLE_PER_LOOP_MAX
                : Math.min(now.idleMax(), IDLE_PER_LOOP_MAX);
        int bound = Math.min(configured, Math.max(1, loop.peakBusy));
        if (loop.idle.size() >= bound) {
            channel.close();
            return;
        }
        loop.idle.addLast(new Idle(channel, clock.nanoTime()));
        if (loop.purge == null) {
            schedulePurge(channel, loop, now.purgeDelayMs());
        }
    }

    /** The server closed an idle connection: forget it. Called on its event loop. */
    void forget(Channel channel) {
        loops.get().idle.removeIf(entry -> entry.channel == channel);
    }

    private void schedulePurge(Channel any, LoopPool loop, long delayMs) {
        loop.purge = any.eventLoop().schedule(() -> purge(any, loop),
                Math.max(1, delayMs), TimeUnit.MILLISECONDS);
    }

    /**
     * Closes what idled a whole purge delay and starts a new period for the busy peak; goes
     * on while anything is idle. Runs on the loop that owns {@code loop}.
     */
    private void purge(Channel any, LoopPool loop) {
        loop.purge = null;
        long delayMs = limits.purgeDelayMs();
        long oldestKeptNanos = clock.nanoTime() - TimeUnit.MILLISECONDS.toNanos(delayMs);
        for (Iterator<Idle> it = loop.idle.iterator(); it.hasNext();) {
            Idle entry = it.next();
            if (entry.sinceNanos - oldestKeptNanos <= 0 || !entry.channel.isActive()) {
                it.remove();
                entry.channel.close();
            }
        }
        loop.peakBusy = loop.busy;
        if (!loop.idle.isEmpty()) {
            schedulePurge(any, loop, delayMs);
        }
    }
}
