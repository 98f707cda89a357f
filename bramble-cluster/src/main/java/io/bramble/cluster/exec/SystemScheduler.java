package io.bramble.cluster.exec;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The real {@link Scheduler}: one daemon thread that only hands tasks over. */
public final class SystemScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> {
                Thread t = new Thread(r, "bramble-exec-timer");
                t.setDaemon(true);
                return t;
            });

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        var future = timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
