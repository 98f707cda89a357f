package io.bramble.lb.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one frontend, backend or server, as HAProxy keeps them. Updated from event
 * loops without locks (adders); read by the stats page, so a report is a near-instant view,
 * not an atomic snapshot.
 */
public final class TrafficCounters {
    private final AtomicLong currentSessions = new AtomicLong();
    private final AtomicLong maxSessions = new AtomicLong();
    private final AtomicLong lastSessionNanos = new AtomicLong(-1);
    public final LongAdder sessionsTotal = new LongAdder();
    public final LongAdder requestsTotal = new LongAdder();
    public final LongAdder bytesIn = new LongAdder();
    public final LongAdder bytesOut = new LongAdder();
    public final LongAdder deniedRequests = new LongAdder();
    public final LongAdder deniedResponses = new LongAdder();
    public final LongAdder requestErrors = new LongAdder();
    public final LongAdder connectionErrors = new LongAdder();
    public final LongAdder responseErrors = new LongAdder();
    public final LongAdder retries = new LongAdder();
    public final LongAdder redispatches = new LongAdder();
    public final LongAdder selected = new LongAdder();
    public final LongAdder clientAborts = new LongAdder();
    public final LongAdder serverAborts = new LongAdder();
    private final LongAdder[] responsesByClass = new LongAdder[6];

    public TrafficCounters() {
        for (int i = 0; i < responsesByClass.length; i++) {
            responsesByClass[i] = new LongAdder();
        }
    }

    /** A session (connection, or request on a server) started at {@code nowNanos}. */
    public void sessionStarted(long nowNanos) {
        long current = currentSessions.incrementAndGet();
        maxSessions.accumulateAndGet(current, Math::max);
        sessionsTotal.increment();
        lastSessionNanos.set(nowNanos);
    }

    /** A session counted by {@link #sessionStarted} ended. */
    public void sessionEnded() {
        currentSessions.decrementAndGet();
    }

    /** A response with this status was sent to a client. */
    public void response(int status) {
        int statusClass = status / 100;
        responsesByClass[statusClass >= 1 && statusClass <= 5 ? statusClass : 0].increment();
    }

    public long currentSessions() {
        return currentSessions.get();
    }

    public long maxSessions() {
        return maxSessions.get();
    }

    /** Monotonic time of the last session, or -1 when none. */
    public long lastSessionNanos() {
        return lastSessionNanos.get();
    }

    /** Responses of status class 1 to 5, or 0 for any other status. */
    public long responses(int statusClass) {
        return responsesByClass[statusClass].sum();
    }
}
