package io.bramble.cluster.exec;

import io.bramble.common.time.ManualClock;
import java.util.ArrayList;
import java.util.List;

/** A scheduler that runs its tasks when the test moves its clock. */
final class ManualScheduler implements Scheduler {
    private final ManualClock clock;
    private final List<Timer> timers = new ArrayList<>();

    ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(long delayMs, Runnable task) {
        Timer timer = new Timer(clock.millis() + delayMs, task);
        timers.add(timer);
        return () -> timer.cancelled = true;
    }

    /** Moves time forward, running each task that comes due, in time order. */
    void advanceMillis(long millis) {
        long end = clock.millis() + millis;
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.stream().filter(t -> !t.cancelled && t.dueMs <= end)
                        .min((a, b) -> Long.compare(a.dueMs, b.dueMs)).orElse(null);
                if (next == null) {
                    break;
                }
                timers.remove(next);
                clock.advanceMillis(next.dueMs - clock.millis());
            }
            next.task.run();
        }
        clock.advanceMillis(end - clock.millis());
    }

    synchronized long pending() {
        return timers.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Timer {
        final long dueMs;
        final Runnable task;
        boolean cancelled;

        Timer(long dueMs, Runnable task) {
            this.dueMs = dueMs;
            this.task = task;
        }
    }
}
