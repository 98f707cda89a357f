package io.bramble.fs.replicate;

import io.bramble.fs.ops.Errno;

/**
 * Which copy a read may use, with no I/O: one that answers and that nobody blames, the
 * preferred (local) one when it qualifies, else the lowest index; when every copy answers
 * and none with data is fresh, one that only blames itself
 * ({@link BlameMatrix#blamedOnlyByThemselves}: it holds every acknowledged change and refused
 * ones beside); else one of a group of answering copies large enough to meet every change's
 * takers in which none blames another ({@link BlameMatrix#inAgreeingGroups}). When every
 * answering copy
 * is blamed by another answering copy and so is every copy that is away, no copy can hold
 * every change (a split-brain) and the read fails with EIO. Otherwise the good copy may be
 * one that is away, and the read fails with ENOTCONN. An arbiter holds no data: it is never
 * chosen, and only the copies that hold data are weighed for a split-brain.
 *
 * @param child the chosen child, or -1
 * @param errno the errno when none qualifies
 * @param split whether the failure is a split-brain
 */
public record ReadChoice(int child, int errno, boolean split) {
    public static ReadChoice choose(BlameMatrix blame, ChildSet answering, int preferred) {
        return choose(blame, answering, preferred, ChildSet.NONE);
    }

    /**
     * As {@link #choose(BlameMatrix, ChildSet, int)}, never choosing one of {@code arbiters},
     * with no agreeing group large enough.
     */
    public static ReadChoice choose(BlameMatrix blame, ChildSet answering, int preferred,
            ChildSet arbiters) {
        return choose(blame, answering, preferred, arbiters, blame.replicaCount() + 1);
    }

    /**
     * As {@link #choose(BlameMatrix, ChildSet, int)}, never choosing one of {@code arbiters};
     * {@code agreeingGroup} is {@link Quorum#agreeingGroup}.
     */
    public static ReadChoice choose(BlameMatrix blame, ChildSet answering, int preferred,
            ChildSet arbiters, int agreeingGroup) {
        ChildSet eligible = answering.minus(blame.blamed()).minus(arbiters);
        if (eligible.isEmpty() && answering.equals(ChildSet.all(blame.replicaCount()))) {
            eligible = blame.blamedOnlyByThemselves().minus(arbiters);
        }
        if (eligible.isEmpty()) {
            eligible = blame.inAgreeingGroups(answering, agreeingGroup).minus(arbiters);
        }
        if (!eligible.isEmpty()) {
            boolean local = preferred >= 0 && preferred < ChildSet.CHILDREN_MAX
                    && eligible.contains(preferred);
            return new ReadChoice(local ? preferred : eligible.first(), 0, false);
        }
        ChildSet data = answering.minus(arbiters);
        ChildSet away = ChildSet.all(blame.replicaCount()).minus(answering).minus(arbiters);
        boolean answeringAccused = data.equals(data.filter(
                c -> !blame.blamers(c).intersect(answering.without(c)).isEmpty()));
        boolean awayAccused = away.equals(away.filter(
                c -> !blame.blamers(c).intersect(answering).isEmpty()));
        boolean split = !data.isEmpty() && answeringAccused && awayAccused;
        return new ReadChoice(-1, split ? Errno.EIO : Errno.ENOTCONN, split);
    }

    public boolean found() {
        return child >= 0;
    }
}
