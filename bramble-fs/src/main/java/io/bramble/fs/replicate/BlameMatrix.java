package io.bramble.fs.replicate;

import io.bramble.common.check.Checks;
import java.util.Arrays;

/**
 * Who blames whom for one file: child {@code b} blames child {@code c} when {@code b}'s copy
 * carries a non-zero pending marker for {@code c} (c missed a change b took). A child may
 * blame itself: it took a change that was not acknowledged while a good copy missed it.
 * Immutable.
 */
public final class BlameMatrix {
    private final int[] blamersOf;

    private BlameMatrix(int[] blamersOf) {
        this.blamersOf = blamersOf;
    }

    /** No blame among {@code replicaCount} children. */
    public static BlameMatrix none(int replicaCount) {
        Checks.inRange(replicaCount, 1, ChildSet.CHILDREN_MAX, "replica count");
        return new BlameMatrix(new int[replicaCount]);
    }

    public int replicaCount() {
        return blamersOf.length;
    }

    /** The matrix with {@code blamer} also blaming every child in {@code blamed}. */
    public BlameMatrix with(int blamer, ChildSet blamed) {
        int[] next = blamersOf.clone();
        for (int child : blamed.indexes()) {
            next[child] |= 1 << blamer;
        }
        return new BlameMatrix(next);
    }

    public BlameMatrix union(BlameMatrix other) {
        Checks.argument(other.replicaCount() == replicaCount(), "matrices of different sizes");
        int[] next = blamersOf.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] |= other.blamersOf[i];
        }
        return new BlameMatrix(next);
    }

    /** The children that blame {@code child}. */
    public ChildSet blamers(int child) {
        return new ChildSet(blamersOf[child]);
    }

    /** The children anyone blames. */
    public ChildSet blamed() {
        int blamed = 0;
        for (int i = 0; i < blamersOf.length; i++) {
            if (blamersOf[i] != 0) {
                blamed |= 1 << i;
            }
        }
        return new ChildSet(blamed);
    }

    /** The children nobody blames: the copies known to hold every acknowledged change. */
    public ChildSet fresh() {
        return ChildSet.all(replicaCount()).minus(blamed());
    }

    /**
     * The children that only they themselves blame: each took a change that was refused while
     * a fresh copy lacked it, and no copy blames it for missing anything.
     *
     * <p>Such a copy holds every acknowledged change, as a fresh one does, and some refused
     * ones on top. A copy blames itself only in the refusal of a change it took ({@link
     * WriteRules#takersBlameThemselves}); every acknowledged change it missed, before or
     * after, was taken by a fresh copy whose marker, written before the acknowledgement,
     * blames it; and a mark against it goes only with the refused change that wrote it or
     * with a heal that made it whole. The argument rests, as the fresh copies' does, on the
     * marks of the copies that took what it missed. So where no copy is fresh (the fresh one
     * that lacked the refused change was blamed since, or its file replaced), such a copy
     * may serve reads and heal the others: what it shows beyond the acknowledged changes is
     * what a failed write(2) may have left, never data older than an acknowledged change.
     * Only the marks of every copy show that no copy blames it: the rule is for when every
     * copy answers. It is no fresh copy for a change: a change only such copies take is
     * still refused.
     */
    public ChildSet blamedOnlyByThemselves() {
        return ChildSet.all(replicaCount()).filter(c -> blamers(c).equals(ChildSet.of(c)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlameMatrix matrix && Arrays.equals(blamersOf, matrix.blamersOf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blamersOf);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("blame[");
        for (int i = 0; i < blamersOf.length; i++) {
            text.append(i == 0 ? "" : " ").append(i).append("<-").append(blamers(i));
        }
        return text.append(']').toString();
    }
}
