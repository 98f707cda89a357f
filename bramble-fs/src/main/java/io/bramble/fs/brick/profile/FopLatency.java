package io.bramble.fs.brick.profile;

/**
 * One operation's calls and how long they took on the brick.
 *
 * @param totalNs the sum of the calls' latencies
 * @param minNs the quickest call (0 without calls)
 * @param maxNs the slowest call
 */
public record FopLatency(Fop fop, long calls, long totalNs, long minNs, long maxNs) {
    /** The mean latency in microseconds, as Gluster shows it. */
    public double avgUs() {
        return calls == 0 ? 0 : totalNs / 1000.0 / calls;
    }
}
