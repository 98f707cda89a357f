package io.bramble.fs.fuse;

import io.bramble.fs.ops.FileId;
import java.util.random.RandomGenerator;

/**
 * Identities for the files this client creates: random version-4 UUIDs, 122 random bits,
 * so clients that never talk to each other do not collide. The generator is injected, so a
 * test with a seeded one sees the same ids every run.
 */
final class NewFileIds {
    private final RandomGenerator random;

    NewFileIds(RandomGenerator random) {
        this.random = random;
    }

    /** Synchronized: generators such as SplittableRandom are not thread-safe. */
    synchronized FileId next() {
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new FileId(high, low);
    }
}
