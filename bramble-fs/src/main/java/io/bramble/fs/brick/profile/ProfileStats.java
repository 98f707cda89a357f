package io.bramble.fs.brick.profile;

import java.util.List;

/**
 * What one brick counted over a window: since {@code profile start} (cumulative) or since the
 * last {@code profile info} (an interval).
 *
 * @param interval the interval's number, or {@link #CUMULATIVE}
 * @param durationSec how long the window has been open
 * @param readBlocks reads by block size: entry i counts reads of 2^i to 2^(i+1)-1 bytes
 * @param writeBlocks writes by block size, likewise
 * @param fops the operations called at least once, in {@link Fop} order
 */
public record ProfileStats(int interval, long durationSec, long bytesRead, long bytesWritten,
        List<Long> readBlocks, List<Long> writeBlocks, List<FopLatency> fops) {
    /** The {@link #interval} of the cumulative window. */
    public static final int CUMULATIVE = -1;
    /** Power-of-two block sizes counted, 1 byte to 2 GiB, as Gluster counts them. */
    public static final int BLOCK_SIZES = 32;

    public ProfileStats {
        readBlocks = List.copyOf(readBlocks);
        writeBlocks = List.copyOf(writeBlocks);
        fops = List.copyOf(fops);
        if (readBlocks.size() != BLOCK_SIZES || writeBlocks.size() != BLOCK_SIZES) {
            throw new IllegalArgumentException("block counts come in " + BLOCK_SIZES);
        }
    }

    public boolean cumulative() {
        return interval == CUMULATIVE;
    }
}
