package io.bramble.fs.distribute;

import java.nio.charset.StandardCharsets;

/**
 * The 32-bit hash that places a file name in its directory's layout. Every client must compute
 * the same value forever, or it looks for files where they are not: the function is pinned by
 * tests and must never change. It is FNV-1a over the name's UTF-8 bytes, followed by the
 * murmur3 finaliser so that names differing in their last byte (file1, file2) spread over the
 * whole range, not a small part of it.
 *
 * <p>Names shaped like rsync's temporary files ({@code .name.XXXXXX}) hash as {@code name}, so
 * that rsync's final rename lands on the subvolume that already holds the data and no pointer
 * is needed (GlusterFS does the same by default).
 */
public final class NameHash {
    private static final int FNV_OFFSET_BASIS = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private NameHash() {
    }

    /** The placement hash of one file name. */
    public static int of(String name) {
        return ofBytes(placementName(name).getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of raw bytes, without the rsync rule. */
    public static int ofBytes(byte[] bytes) {
        int hash = FNV_OFFSET_BASIS;
        for (byte b : bytes) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return finish(hash);
    }

    /** A 64-bit value folded to a well-mixed 32-bit one (directory ids to layout rotations). */
    public static int ofLong(long value) {
        return finish((int) value * FNV_PRIME ^ finish((int) (value >>> 32)));
    }

    /**
     * The name that is hashed: {@code .NAME.SUFFIX} (rsync's temporary name, SUFFIX without
     * dots) becomes {@code NAME}; every other name is itself.
     */
    static String placementName(String name) {
        int lastDot = name.lastIndexOf('.');
        boolean rsyncTemporary = name.startsWith(".") && lastDot >= 2
                && lastDot < name.length() - 1;
        return rsyncTemporary ? name.substring(1, lastDot) : name;
    }

    private static int finish(int hash) {
        hash ^= hash >>> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >>> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >>> 16;
        return hash;
    }
}
