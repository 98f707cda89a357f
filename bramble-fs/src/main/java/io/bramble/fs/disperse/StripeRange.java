package io.bramble.fs.disperse;

/**
 * Whole stripes of a file, {@code count} of them from stripe {@code first}, in a layout of
 * {@code stripeBytes} file bytes per stripe ({@link StripeLayout}): the file bytes they cover
 * and the range of each fragment file that holds them. An empty range has {@code count} 0.
 */
public record StripeRange(long first, long count, int stripeBytes) {
    public StripeRange {
        if (first < 0 || count < 0 || stripeBytes <= 0) {
            throw new IllegalArgumentException("not a stripe range: " + count
                    + " stripes from " + first + " of " + stripeBytes + " bytes");
        }
    }

    public boolean isEmpty() { return count == 0; }

    /** The file offset of the first stripe's first byte. */
    public long fileOffset() {
        return first * stripeBytes;
    }

    /** File bytes the stripes cover. */
    public long fileLength() {
        return count * stripeBytes;
    }

    /** Where the stripes begin in every fragment file, data and parity alike. */
    public long fragmentOffset() {
        return first * StripeLayout.CHUNK_BYTES;
    }

    /** Bytes the stripes take in every fragment file. */
    public long fragmentLength() {
        return count * StripeLayout.CHUNK_BYTES;
    }
}
