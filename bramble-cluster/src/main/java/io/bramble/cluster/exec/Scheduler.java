package io.bramble.cluster.exec;

/**
 * Runs a task after a delay: the executor's only source of time passing, so that tests drive
 * recurring monitors with a manual scheduler and a production node uses
 * {@link SystemScheduler}.
 */
public interface Scheduler {
    /** Runs {@code task} once, {@code delayMs} from now, unless cancelled first. */
    Cancellable schedule(long delayMs, Runnable task);

    /** A scheduled task that has not necessarily run yet. */
    @FunctionalInterface
    interface Cancellable {
        /** Keeps the task from running; nothing when it ran already. */
        void cancel();
    }
}
