package io.bramble.fs.brick.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a served brick counts always, for the node's metrics: per operation its calls,
 * failures and latencies in a few buckets, and the bytes read and written. Unlike the
 * {@link BrickProfile} it needs no {@code volume profile start} and takes no lock: a call
 * adds to three or four striped counters, whatever the number of disk workers. A fixed set
 * of counters, whatever the load; they start from zero when the brick is served again.
 */
public final class BrickTotals {
    /**
     * The upper bounds of the latency buckets, ten times apart from 100 µs (a cached
     * attribute read) to 1 s (a stalled disk), then every call.
     */
    public static final List<Long> LATENCY_BOUNDS_NS = List.of(100_000L, 1_000_000L,
            10_000_000L, 100_000_000L, 1_000_000_000L, Long.MAX_VALUE);
    private static final int FOPS = Fop.values().length;
    private static final int BUCKETS = LATENCY_BOUNDS_NS.size();

    private final LongAdder[] errors = adders(FOPS);
    private final LongAdder[] totalNs = adders(FOPS);
    /**
     * Per operation, calls by the first bucket they fit, made cumulative when read: the last
     * bucket's count is the calls, so the two always agree.
     */
    private final LongAdder[] buckets = adders(FOPS * BUCKETS);
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();

    private static LongAdder[] adders(int count) {
        LongAdder[] made = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            made[i] = new LongAdder();
        }
        return made;
    }

    /** Counts a call of {@code fop} that took {@code latencyNs}, and whether it failed. */
    public void called(Fop fop, long latencyNs, boolean failed) {
        int i = fop.ordinal();
        long ns = Math.max(0, latencyNs);
        totalNs[i].add(ns);
        buckets[i * BUCKETS + bucket(ns)].increment();
        if (failed) {
            errors[i].increment();
        }
    }

    /** Counts bytes a read returned. */
    public void read(int bytes) {
        bytesRead.add(Math.max(0, bytes));
    }

    /** Counts bytes written. */
    public void written(int bytes) {
        bytesWritten.add(Math.max(0, bytes));
    }

    static int bucket(long ns) {
        int b = 0;
        while (ns > LATENCY_BOUNDS_NS.get(b)) {
            b++;
        }
        return b;
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    public long bytesWritten() {
        return bytesWritten.sum();
    }

    /**
     * Every operation's totals, in {@link Fop} order. Read while calls go on, a line may count
     * a call its neighbour does not yet; each count only grows.
     */
    public List<FopTotals> fops() {
        List<FopTotals> all = new ArrayList<>(FOPS);
        for (Fop fop : Fop.values()) {
            int i = fop.ordinal();
            List<Long> cumulative = new ArrayList<>(BUCKETS);
            long sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                sum += buckets[i * BUCKETS + b].sum();
                cumulative.add(sum);
            }
            all.add(new FopTotals(fop, sum, errors[i].sum(), cumulative, totalNs[i].sum()));
        }
        return all;
    }
}
