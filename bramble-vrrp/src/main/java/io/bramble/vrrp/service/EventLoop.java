package io.bramble.vrrp.service;

import io.bramble.common.time.Clock;
import io.bramble.vrrp.core.VrrpEvent;
import io.bramble.vrrp.core.VrrpNode;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that drives the {@link VrrpNode}: it takes events from a bounded queue,
 * sends a tick at each deadline the node names, and hands the actions to the
 * {@link ActionRunner}. On stop it steps the node through Shutdown (priority 0 adverts,
 * addresses removed) before it ends.
 */
final class EventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    /** Adverts and checks waiting; beyond this, new ones are dropped and counted. */
    static final int QUEUE_EVENTS_MAX = 4_096;
    /** Longest sleep without a deadline, so a stop request is seen promptly. */
    private static final long IDLE_WAIT_NANOS = 500_000_000L;

    private final VrrpNode node;
    private final Clock clock;
    private final ActionRunner actions;
    private final BlockingQueue<VrrpEvent> queue = new ArrayBlockingQueue<>(QUEUE_EVENTS_MAX);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Consumer<Throwable> onFailure;
    private volatile boolean stopRequested;
    private Thread thread;

    /** @param onFailure told, from the loop's thread, when the loop ended on an error */
    EventLoop(VrrpNode node, Clock clock, ActionRunner actions, Consumer<Throwable> onFailure) {
        this.node = node;
        this.clock = clock;
        this.actions = actions;
        this.onFailure = onFailure;
    }

    /** Starts the thread: it applies {@code initial} (tracked states), then Start. */
    void start(List<VrrpEvent> initial) {
        thread = Thread.ofPlatform().name("vrrp-loop").priority(Thread.MAX_PRIORITY).start(
                () -> run(initial));
    }

    /** Queues an event; false when the queue is full and it was dropped. */
    boolean post(VrrpEvent event) {
        return queue.offer(event);
    }

    void requestStop() {
        stopRequested = true;
        queue.offer(new VrrpEvent.Tick());
    }

    boolean awaitStopped(long timeoutMs) throws InterruptedException {
        return stopped.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private void run(List<VrrpEvent> initial) {
        try {
            for (VrrpEvent event : initial) {
                step(event);
            }
            step(new VrrpEvent.Start());
            while (!stopRequested) {
                step(next());
            }
            step(new VrrpEvent.Shutdown());
        } catch (InterruptedException e) {
            LOG.warn("VRRP event loop interrupted; stopping without announcing");
        } catch (RuntimeException | Error e) {
            LOG.error("VRRP event loop failed; stopping", e);
            try {
                step(new VrrpEvent.Shutdown());
            } finally {
                stopped.countDown();
                onFailure.accept(e);
            }
        } finally {
            stopped.countDown();
        }
    }

    private VrrpEvent next() throws InterruptedException {
        long wait = Math.min(node.nextDeadlineNanos() - clock.nanoTime(), IDLE_WAIT_NANOS);
        if (wait <= 0) {
            return new VrrpEvent.Tick();
        }
        VrrpEvent event = queue.poll(wait, TimeUnit.NANOSECONDS);
        return event == null ? new VrrpEvent.Tick() : event;
    }

    private void step(VrrpEvent event) {
        actions.run(node.step(event), node::effectivePriority);
    }
}
