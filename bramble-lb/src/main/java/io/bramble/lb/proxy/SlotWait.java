package io.bramble.lb.proxy;

import io.bramble.lb.config.Timeouts;
import java.util.concurrent.TimeUnit;

/**
 * A session's request waiting in its backend's queue because every usable server is at its
 * maxconn: it waits at most {@code timeout queue} (else {@code timeout connect}), is woken by
 * a freed slot, and nothing more is read from its client meanwhile. Confined to the session's
 * event loop.
 */
final class SlotWait {
    private final HttpSession session;

    SlotWait(HttpSession session) {
        this.session = session;
    }

    /**
     * Puts the request in the queue, at the front when {@code front} (it was woken and found
     * no slot again). False when the queue is full.
     */
    boolean enqueue(Exchange current, boolean front) {
        Backend backend = current.backend;
        QueuedRequest waiter = current.queued;
        if (waiter == null) {
            waiter = new QueuedRequest(session, current, session.engine.clock.nanoTime());
            if (!backend.queue.add(waiter)) {
                return false;
            }
            current.queued = waiter;
            current.enteredQueue = true;
            Timeouts timeouts = backend.config.timeouts();
            long timeoutMs = EffectiveTimeouts.firstSet(timeouts.queueMs(), timeouts.connectMs(),
                    HttpLimits.CONNECT_TIMEOUT_MS_WHEN_UNSET);
            QueuedRequest expiring = waiter;
            waiter.expiry = session.client.eventLoop().schedule(() -> expired(expiring),
                    timeoutMs, TimeUnit.MILLISECONDS);
        } else if (front) {
            backend.queue.putBack(waiter);
        } else {
            backend.queue.add(waiter);
        }
        session.client.config().setAutoRead(false);
        return true;
    }

    /** Woken by a freed slot. */
    void woken(QueuedRequest waiter) {
        Exchange current = waiter.exchange;
        if (current != session.exchange || current.queued != waiter
                || !session.client.isActive()) {
            // Gone meanwhile: the slot goes to the next waiter.
            current.backend.slotFreed();
            return;
        }
        session.servers.connect(current, null, true);
    }

    private void expired(QueuedRequest waiter) {
        Exchange current = waiter.exchange;
        if (current != session.exchange || current.queued != waiter) {
            return;
        }
        leave(current);
        current.termination = "sQ--";
        session.failBeforeResponse(current, 503);
    }

    /** The request no longer waits: out of the queue, its expiry cancelled. */
    void leave(Exchange current) {
        QueuedRequest waiter = current.queued;
        if (waiter != null) {
            current.queuedNanos += session.engine.clock.nanoTime() - waiter.queuedNanos;
            current.queued = null;
            current.backend.queue.remove(waiter);
            if (waiter.expiry != null) {
                waiter.expiry.cancel(false);
            }
        }
    }
}
