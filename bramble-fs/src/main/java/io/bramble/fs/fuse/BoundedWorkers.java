package io.bramble.fs.fuse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of worker threads behind a bounded queue. A full queue makes the submitter
 * wait, which slows the readers and through them the kernel, instead of letting requests
 * pile up in memory.
 */
final class BoundedWorkers {
    /** How often a waiting submitter or an idle worker looks for a stop. */
    static final long WAKE_INTERVAL_MS = 100;

    private static final Logger log = LoggerFactory.getLogger(BoundedWorkers.class);

    private final BlockingQueue<Runnable> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    BoundedWorkers(String name, int threadCount, int queuedMax) {
        this.queue = new ArrayBlockingQueue<>(queuedMax);
        for (int i = 0; i < threadCount; i++) {
            Thread thread = Thread.ofPlatform().name(name + "-" + i).daemon().unstarted(
                    this::work);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** Queues {@code task}, waiting while the queue is full; false when {@code giveUp} said so. */
    boolean submit(Runnable task, BooleanSupplier giveUp) throws InterruptedException {
        while (!queue.offer(task, WAKE_INTERVAL_MS, TimeUnit.MILLISECONDS)) {
            if (giveUp.getAsBoolean() || stopping) {
                return false;
            }
        }
        return true;
    }

    /** Lets the queued tasks finish, then stops the threads, waiting up to {@code waitMs}. */
    void shutdown(long waitMs) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        for (Thread thread : threads) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (thread != Thread.currentThread() && leftMs > 0) {
                thread.join(leftMs);
            }
        }
    }

    private void work() {
        try {
            while (!stopping || !queue.isEmpty()) {
                Runnable task = queue.poll(WAKE_INTERVAL_MS, TimeUnit.MILLISECONDS);
                if (task != null) {
                    run(task);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("a FUSE worker task failed", e);
        }
    }
}
