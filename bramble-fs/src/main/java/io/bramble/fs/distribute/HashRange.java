package io.bramble.fs.distribute;

/**
 * The part of the 32-bit hash space one subvolume owns in a directory: from {@code start} to
 * {@code end} inclusive, both read as unsigned numbers.
 */
public record HashRange(String subvolume, int start, int end) {
    public HashRange {
        Subvolume.checkName(subvolume);
        if (Integer.compareUnsigned(start, end) > 0) {
            throw new IllegalArgumentException("hash range " + hex(start) + "-" + hex(end)
                    + " ends before it starts");
        }
    }

    public boolean contains(int hash) {
        return Integer.compareUnsigned(hash, start) >= 0 && Integer.compareUnsigned(hash, end) <= 0;
    }

    /** How many hash values the range holds (up to 2^32). */
    public long width() {
        return Integer.toUnsignedLong(end) - Integer.toUnsignedLong(start) + 1;
    }

    static String hex(int value) {
        return String.format("%08x", value);
    }

    @Override
    public String toString() {
        return subvolume + " " + hex(start) + "-" + hex(end);
    }
}
