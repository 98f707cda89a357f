package io.bramble.lb.proxy;

import java.util.concurrent.ScheduledFuture;

/**
 * A request waiting in its backend's queue for a server slot. Woken on its session's event
 * loop when a slot frees; gives up with 503 when {@code timeout queue} expires first.
 */
final class QueuedRequest {
    final HttpSession session;
    final Exchange exchange;
    final long queuedNanos;
    ScheduledFuture<?> expiry;

    QueuedRequest(HttpSession session, Exchange exchange, long queuedNanos) {
        this.session = session;
        this.exchange = exchange;
        this.queuedNanos = queuedNanos;
    }

    /** A slot freed: retry on the session's own event loop. */
    void wake() {
        session.eventLoop().execute(() -> session.waiting.woken(this));
    }
}
