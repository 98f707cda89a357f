package io.bramble.fs.replicate;

import io.bramble.common.check.Checks;
import java.util.StringJoiner;
import java.util.function.IntPredicate;

/** A set of children of one replica set, by index (at most {@link #CHILDREN_MAX}). */
public record ChildSet(int bits) {
    /** Replica sets hold a handful of copies; a 32-bit mask has room to spare. */
    public static final int CHILDREN_MAX = 31;

    public static final ChildSet NONE = new ChildSet(0);

    public static ChildSet of(int... children) {
        int bits = 0;
        for (int child : children) {
            bits |= bit(child);
        }
        return new ChildSet(bits);
    }

    /** Children 0 to {@code count - 1}. */
    public static ChildSet all(int count) {
        Checks.inRange(count, 0, CHILDREN_MAX, "child count");
        return new ChildSet((1 << count) - 1);
    }

    private static int bit(int child) {
        Checks.inRange(child, 0, CHILDREN_MAX - 1, "child index");
        return 1 << child;
    }

    public boolean contains(int child) {
        return (bits & bit(child)) != 0;
    }

    public ChildSet with(int child) {
        return new ChildSet(bits | bit(child));
    }

    public ChildSet without(int child) {
        return new ChildSet(bits & ~bit(child));
    }

    public ChildSet union(ChildSet other) {
        return new ChildSet(bits | other.bits);
    }

    public ChildSet intersect(ChildSet other) {
        return new ChildSet(bits & other.bits);
    }

    public ChildSet minus(ChildSet other) {
        return new ChildSet(bits & ~other.bits);
    }

    public ChildSet filter(IntPredicate keep) {
        int kept = 0;
        for (int child : indexes()) {
            if (keep.test(child)) {
                kept |= 1 << child;
            }
        }
        return new ChildSet(kept);
    }

    public boolean isEmpty() { return bits == 0; }

    public int size() {
        return Integer.bitCount(bits);
    }

    /** The lowest index in the set; the set must not be empty. */
    public int first() {
        Checks.invariant(bits != 0, "first child of an empty set");
        return Integer.numberOfTrailingZeros(bits);
    }

    /** The indexes in increasing order. */
    public int[] indexes() {
        int[] indexes = new int[size()];
        int rest = bits;
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = Integer.numberOfTrailingZeros(rest);
            rest &= rest - 1;
        }
        return indexes;
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(",", "{", "}");
        for (int child : indexes()) {
            text.add(Integer.toString(child));
        }
        return text.toString();
    }
}
