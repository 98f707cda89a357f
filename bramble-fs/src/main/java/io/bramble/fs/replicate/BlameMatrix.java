package io.bramble.fs.replicate;

import io.bramble.common.check.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who blames whom for one file: child {@code b} blames child {@code c} when {@code b}'s copy
 * carries a non-zero pending marker for {@code c} (c missed a change b took). A child may
 * blame itself: it took a change that was not acknowledged while a good copy missed it.
 * Immutable.
 */
public final class BlameMatrix {
    /** The most candidates {@link #inAgreeingGroups} searches: it weighs their subsets. */
    public static final int GROUP_CANDIDATES_MAX = 8;

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

    /**
     * The children that fewer than {@code fewestTakers} other children blame: with {@code
     * fewestTakers} the fewest copies that take an acknowledged change ({@link
     * Quorum#agreeingGroup} tells it), none of them missed one.
     *
     * <p>Every taker of an acknowledged change wrote, before the acknowledgement, a marker
     * blaming each copy that missed it, and that marker goes only with a heal that made the
     * copy whole; a copy's blame of itself is a refusal's, never an acknowledged change's. So
     * a copy that missed an acknowledged change is blamed by at least that many others, and
     * one blamed by fewer, even by copies it blames back, holds every acknowledged change:
     * what it lacks beside are refused ones, or the blame is left from a heal it missed while
     * away (the copy it blames was made whole from another). Only the marks of every copy
     * show the count: the rule is for when every copy answers and holds the file (a refused
     * removal that a taker took away took its marks with it).
     */
    public ChildSet blamedByFewerThan(int fewestTakers) {
        return ChildSet.all(replicaCount()).filter(c -> blamers(c).without(c)
                .size() < fewestTakers);
    }

    /**
     * The children of {@code candidates} that belong to a group of at least {@code size} of
     * them in which no child blames another or itself; none when there are more than
     * {@value #GROUP_CANDIDATES_MAX} candidates, whose groups are not searched.
     *
     * <p>With {@code size} from {@link Quorum#agreeingGroup}, every set of takers that had a
     * change acknowledged shares a copy with such a group, and that taker's marker, written
     * before the acknowledgement, blames every copy that missed the change until a heal makes
     * it whole. So no copy of the group missed an acknowledged change, whatever copies outside
     * it blame: a copy that came back still blaming others for changes healed while it was
     * away, and blamed by them for what it missed, cannot make them all stale. What the
     * outsiders hold beyond the group is refused changes.
     */
    public ChildSet inAgreeingGroups(ChildSet candidates, int size) {
        ChildSet found = ChildSet.NONE;
        for (ChildSet group : agreeingGroups(candidates, size)) {
            found = found.union(group);
        }
        return found;
    }

    /**
     * One group of {@link #inAgreeingGroups}, the largest and, among those, the one of the
     * lowest-numbered children; none when there is no such group. Two groups may each hold
     * refused changes the other lacks, so a heal copies from one group only.
     */
    public ChildSet firstAgreeingGroup(ChildSet candidates, int size) {
        ChildSet first = ChildSet.NONE;
        for (ChildSet group : agreeingGroups(candidates, size)) {
            if (group.size() > first.size() || group.size() == first.size()
                    && Integer.compareUnsigned(Integer.reverse(group.bits()),
                            Integer.reverse(first.bits())) > 0) {
                first = group;
            }
        }
        return first;
    }

    private List<ChildSet> agreeingGroups(ChildSet candidates, int size) {
        int[] members = candidates.indexes();
        List<ChildSet> groups = new ArrayList<>();
        if (members.length > GROUP_CANDIDATES_MAX || size < 1) {
            return groups;
        }
        for (int subset = 1; subset < 1 << members.length; subset++) {
            if (Integer.bitCount(subset) < size) {
                continue;
            }
            int group = 0;
            for (int i = 0; i < members.length; i++) {
                if ((subset & 1 << i) != 0) {
                    group |= 1 << members[i];
                }
            }
            if (blameFree(group)) {
                groups.add(new ChildSet(group));
            }
        }
        return groups;
    }

    private boolean blameFree(int group) {
        for (int child = 0; child < blamersOf.length; child++) {
            if ((group & 1 << child) != 0 && (blamersOf[child] & group) != 0) {
                return false;
            }
        }
        return true;
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
