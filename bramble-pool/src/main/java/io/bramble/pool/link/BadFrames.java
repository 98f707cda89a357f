package io.bramble.pool.link;

import java.util.concurrent.atomic.AtomicLong;

/** Connections closed for bad input, by reason; shown in the node's log and its counters. */
public final class BadFrames {
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong notMember = new AtomicLong();

    public void malformed() {
        malformed.incrementAndGet();
    }

    public void oversized() {
        oversized.incrementAndGet();
    }

    public void notMember() {
        notMember.incrementAndGet();
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
