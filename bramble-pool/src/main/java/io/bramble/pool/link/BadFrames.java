package io.bramble.pool.link;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections closed for bad input, by reason. The first few of each reason, then one in a
 * hundred, are reported (to the node's log), so that a flood cannot flood the log too.
 */
public final class BadFrames {
    /** Closes reported one by one before only every hundredth is. */
    static final long REPORTED_ONE_BY_ONE = 10;

    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong notMember = new AtomicLong();
    private final java.util.function.Consumer<String> report;

    public BadFrames() {
        this(line -> {
        });
    }

    public BadFrames(java.util.function.Consumer<String> report) {
        this.report = report;
    }

    public void malformed() {
        count(malformed, "a malformed frame");
    }

    public void oversized() {
        count(oversized, "an oversized frame");
    }

    public void notMember() {
        count(notMember, "a frame from a non-member");
    }

    private void count(AtomicLong counter, String what) {
        long n = counter.incrementAndGet();
        if (n <= REPORTED_ONE_BY_ONE || n % 100 == 0) {
            report.accept("closed a connection for " + what + " (" + n + " so far)");
        }
    }

    public long malformedCount() {
        return malformed.get();
    }

    public long oversizedCount() {
        return oversized.get();
    }

    public long notMemberCount() {
        return notMember.get();
    }

    @Override
    public String toString() {
        return "malformed=" + malformed + " oversized=" + oversized + " not-member=" + notMember;
    }
}
