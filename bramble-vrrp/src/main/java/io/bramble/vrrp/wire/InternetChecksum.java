package io.bramble.vrrp.wire;

/** The Internet checksum (RFC 1071): ones' complement of the ones' complement sum. */
final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Adds {@code length} bytes from {@code offset} to a running sum of 16-bit words. */
    static long add(long sum, byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (bytes[i] & 0xff) << 8; // an odd byte is padded with zero
        }
        return sum;
    }

    /** Folds the carries and complements: the value to put in the checksum field. */
    static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
