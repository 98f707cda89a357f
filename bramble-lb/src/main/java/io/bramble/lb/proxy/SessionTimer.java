package io.bramble.lb.proxy;

import io.bramble.common.time.Clock;
import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One inactivity timer per connection, rescheduled lazily: activity only records a time, and
 * the single scheduled task, when it fires early, re-arms itself for the remainder. So a busy
 * connection costs one clock read per read, not a timer per read. Confined to the event loop.
 */
final class SessionTimer {
    /** What is being waited for; decides which timeout applies and what happens at expiry. */
    enum Phase {
        NONE, FIRST_REQUEST, KEEP_ALIVE, CLIENT_BODY, SERVER, TUNNEL,
        /** The client side of a tcp-mode session. */
        CLIENT
    }

    private final EventLoop loop;
    private final Clock clock;
    private final java.util.function.Consumer<Phase> onExpiry;
    private ScheduledFuture<?> task;
    /** When {@link #task} runs, on {@link #clock}. */
    private long taskDueNanos;
    private Phase phase = Phase.NONE;
    private long timeoutNanos;
    private long lastActivityNanos;

    SessionTimer(EventLoop loop, Clock clock, java.util.function.Consumer<Phase> onExpiry) {
        this.loop = loop;
        this.clock = clock;
        this.onExpiry = onExpiry;
    }

    /** Starts waiting for {@code next}, at most {@code timeoutMs} of inactivity. */
    void arm(Phase next, long timeoutMs) {
        phase = next;
        timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lastActivityNanos = clock.nanoTime();
        if (task != null && taskDueNanos - (lastActivityNanos + timeoutNanos) > 0) {
            // A shorter timeout than the one the task waits for: it must run sooner.
            task.cancel(false);
            task = null;
        }
        if (task == null) {
            schedule(timeoutNanos);
        }
    }

    private void schedule(long delayNanos) {
        taskDueNanos = clock.nanoTime() + delayNanos;
        task = loop.schedule(this::fire, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Something moved: the inactivity period starts again. */
    void touch() {
        lastActivityNanos = clock.nanoTime();
    }

    Phase phase() {
        return phase;
    }

    void cancel() {
        phase = Phase.NONE;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void fire() {
        task = null;
        if (phase == Phase.NONE) {
            return;
        }
        long idle = clock.nanoTime() - lastActivityNanos;
        if (idle < timeoutNanos) {
            schedule(timeoutNanos - idle);
            return;
        }
        Phase expired = phase;
        phase = Phase.NONE;
        onExpiry.accept(expired);
    }
}
