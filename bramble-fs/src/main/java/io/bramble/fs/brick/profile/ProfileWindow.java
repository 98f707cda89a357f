package io.bramble.fs.brick.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of one window of a brick's profile: per operation its calls and latencies,
 * reads and writes by power-of-two block size, and bytes moved. A fixed set of arrays,
 * whatever the load. Not thread-safe: {@link BrickProfile} guards it.
 */
final class ProfileWindow {
    private static final int FOPS = Fop.values().length;

    private final long[] calls = new long[FOPS];
    private final long[] totalNs = new long[FOPS];
    private final long[] minNs = new long[FOPS];
    private final long[] maxNs = new long[FOPS];
    private final long[] readBlocks = new long[ProfileStats.BLOCK_SIZES];
    private final long[] writeBlocks = new long[ProfileStats.BLOCK_SIZES];
    private long bytesRead;
    private long bytesWritten;
    private final long openedNs;

    ProfileWindow(long openedNs) {
        this.openedNs = openedNs;
    }

    void called(Fop fop, long latencyNs) {
        int i = fop.ordinal();
        long ns = Math.max(0, latencyNs);
        minNs[i] = calls[i] == 0 ? ns : Math.min(minNs[i], ns);
        maxNs[i] = Math.max(maxNs[i], ns);
        totalNs[i] += ns;
        calls[i]++;
    }

    void read(int bytes) {
        readBlocks[block(bytes)]++;
        bytesRead += Math.max(0, bytes);
    }

    void written(int bytes) {
        writeBlocks[block(bytes)]++;
        bytesWritten += Math.max(0, bytes);
    }

    /** The power of two at or below {@code bytes}: Gluster's "Nb+" column. */
    static int block(int bytes) {
        return bytes <= 1 ? 0 : 31 - Integer.numberOfLeadingZeros(bytes);
    }

    ProfileStats stats(int interval, long nowNs) {
        List<FopLatency> used = new ArrayList<>();
        for (Fop fop : Fop.values()) {
            int i = fop.ordinal();
            if (calls[i] > 0) {
                used.add(new FopLatency(fop, calls[i], totalNs[i], minNs[i], maxNs[i]));
            }
        }
        return new ProfileStats(interval, Math.max(0, nowNs - openedNs) / 1_000_000_000L,
                bytesRead, bytesWritten, boxed(readBlocks), boxed(writeBlocks), used);
    }

    private static List<Long> boxed(long[] counts) {
        List<Long> out = new ArrayList<>(counts.length);
        for (long count : counts) {
            out.add(count);
        }
        return out;
    }
}
