package io.bramble.fs.brick.profile;

import java.util.List;

/**
 * One operation's calls on a brick since it was served, for its metrics.
 *
 * @param calls calls answered, failed ones included
 * @param errors calls that failed (an errno to the client, or an internal error)
 * @param latencyBuckets calls that took at most each of {@link BrickTotals#LATENCY_BOUNDS_NS},
 *     cumulative as Prometheus's buckets are; the last bound's count is {@code calls}
 * @param totalNs the sum of the calls' latencies
 */
public record FopTotals(Fop fop, long calls, long errors, List<Long> latencyBuckets,
        long totalNs) {
    public FopTotals {
        latencyBuckets = List.copyOf(latencyBuckets);
    }
}
