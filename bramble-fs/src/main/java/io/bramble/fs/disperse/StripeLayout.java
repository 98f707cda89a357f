package io.bramble.fs.disperse;

import io.bramble.common.check.Checks;

/**
 * Where a file's bytes lie in the fragments of a disperse set of {@code dataCount} data
 * fragments, as Gluster's disperse lays them out: the file is cut into stripes of
 * {@code dataCount} x {@value #CHUNK_BYTES} bytes ({@code 512 * (#Bricks - redundancy)}, the
 * stripe size of Gluster's documentation; 512 is its {@code EC_METHOD_CHUNK_SIZE}). Stripe
 * {@code s} is coded on its own: its chunk {@code j} (bytes {@code j * 512} to
 * {@code j * 512 + 511} of the stripe) is data fragment {@code j}, and every fragment file,
 * data or parity, holds stripe {@code s}'s chunk at offset {@code s * 512}. A file of
 * {@code size} bytes thus takes {@code ceil(size / stripe) * 512} bytes on every brick of the
 * set, its last stripe padded with zeros; the file's real size must be kept beside it (Gluster
 * keeps it in {@code trusted.ec.size}).
 *
 * <p>A write that does not start and end on stripe edges rewrites the stripes it touches
 * whole, after reading the ones that hold bytes it must keep ({@link #write}); bytes past the
 * end of the file read as zeros and are never read.
 *
 * @param dataCount the data fragments of the set, 2 to {@link ReedSolomon#DATA_FRAGMENTS_MAX}
 */
public record StripeLayout(int dataCount) {
    /** File bytes of one stripe in one fragment. */
    public static final int CHUNK_BYTES = 512;

    public StripeLayout {
        Checks.inRange(dataCount, 2, ReedSolomon.DATA_FRAGMENTS_MAX, "data fragments");
    }

    /** File bytes of one stripe. */
    public int stripeBytes() {
        return dataCount * CHUNK_BYTES;
    }

    /** The size of every fragment file of a file of {@code fileSize} bytes. */
    public long fragmentSize(long fileSize) {
        checkNotNegative(fileSize, "file size");
        return Math.ceilDiv(fileSize, stripeBytes()) * CHUNK_BYTES;
    }

    /** The data fragment that holds the file's byte at {@code fileOffset}. */
    public int fragmentOf(long fileOffset) {
        checkNotNegative(fileOffset, "file offset");
        return (int) (fileOffset % stripeBytes() / CHUNK_BYTES);
    }

    /** Where the file's byte at {@code fileOffset} lies in its data fragment's file. */
    public long fragmentOffset(long fileOffset) {
        checkNotNegative(fileOffset, "file offset");
        return fileOffset / stripeBytes() * CHUNK_BYTES + fileOffset % CHUNK_BYTES;
    }

    /** The whole stripes that hold file bytes {@code offset} to {@code offset + length}. */
    public StripeRange stripes(long offset, long length) {
        checkNotNegative(offset, "offset");
        checkNotNegative(length, "length");
        long end = Math.addExact(offset, length);
        long first = offset / stripeBytes();
        long count = length == 0 ? 0 : Math.ceilDiv(end, stripeBytes()) - first;
        return new StripeRange(first, count, stripeBytes());
    }

    /**
     * A write of {@code length} bytes at {@code offset} into a file of {@code fileSize}
     * bytes: the stripes it rewrites and the ones it must read first.
     */
    public StripeWrite write(long offset, long length, long fileSize) {
        checkNotNegative(fileSize, "file size");
        StripeRange stripes = stripes(offset, length);
        if (stripes.isEmpty()) {
            return new StripeWrite(stripes, 0, 0, false, false);
        }
        long end = offset + length;
        int headBytes = (int) (offset - stripes.fileOffset());
        int tailBytes = (int) (stripes.fileOffset() + stripes.fileLength() - end);
        boolean readsFirst = headBytes > 0 && stripes.fileOffset() < fileSize;
        boolean readsLast = tailBytes > 0 && end < fileSize;
        return new StripeWrite(stripes, headBytes, tailBytes, readsFirst, readsLast);
    }

    private static void checkNotNegative(long value, String name) {
        Checks.argument(value >= 0, name + " must not be negative, got " + value);
    }
}
