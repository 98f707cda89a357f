package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.replicate.ChildSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.ToLongFunction;

/** The comparisons the split-brain rules share: pure functions of the copies' attributes. */
final class CopyRanking {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private CopyRanking() {
    }

    /** The copies whose {@code key} is the highest of all (several when they tie). */
    static ChildSet highest(List<Attr> copies, ToLongFunction<Attr> key) {
        long best = Long.MIN_VALUE;
        ChildSet highest = ChildSet.NONE;
        for (int i = 0; i < copies.size(); i++) {
            long value = key.applyAsLong(copies.get(i));
            if (value > best) {
                best = value;
                highest = ChildSet.of(i);
            } else if (value == best) {
                highest = highest.with(i);
            }
        }
        return highest;
    }

    /**
     * The lowest-numbered copy that more than half of the set's copies (itself included) agree
     * with, Gluster's majority: the same size and the same modification time to the second.
     * Whole seconds, as Gluster compares them: each brick stamps a write with its own clock at
     * its own moment, so copies that took the same writes differ by a little in their
     * nanoseconds.
     */
    static OptionalInt majority(List<Attr> copies) {
        for (int i = 0; i < copies.size(); i++) {
            int agreeing = 0;
            for (Attr other : copies) {
                if (agree(copies.get(i), other)) {
                    agreeing++;
                }
            }
            if (agreeing > copies.size() / 2) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    static boolean agree(Attr a, Attr b) {
        return a.sizeBytes() == b.sizeBytes() && Math.floorDiv(a.mtimeNs(),
                NANOS_PER_SECOND) == Math.floorDiv(b.mtimeNs(), NANOS_PER_SECOND);
    }
}
