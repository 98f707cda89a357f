package io.bramble.fs.replicate;

import io.bramble.common.check.Checks;
import io.bramble.fs.ops.Errno;

/**
 * The rules of a change to a replicated file, with no I/O: whether it may start, and once the
 * children answered, whether it is acknowledged, whom the takers blame and which errno the
 * application sees. A change is acknowledged only when
 *
 * <ul>
 *   <li>the takers meet the {@link Quorum} (replica 2, auto: both, or one once the tie-breaker
 *       recorded the other as stale), and
 *   <li>at least one taker was fresh (blamed by nobody) before it: a change that landed only
 *       on stale copies would leave no copy holding every acknowledged change.
 * </ul>
 *
 * <p>The takers of an acknowledged change blame every child in scope that did not take it.
 * A refused change that some copies took is not undone: when a fresh copy did not take it,
 * the takers blame themselves, so reads keep to the copy without it; when every fresh copy
 * it was sent to took it, it stays visible, as a failed write(2) may have, and the copies
 * that missed it stay blamed ({@link #takersBlameThemselves}).
 *
 * <p>What must hold, and what the model test checks: some copy is always fresh, and every
 * fresh copy holds every acknowledged change. Blame is only ever written against a copy
 * that did not take the change, and a copy already blamed in a change (its marker may have
 * landed even when the call reported failure) no longer counts as fresh for it.
 *
 * <p>An arbiter (no data) counts towards the quorum like any copy, but is never the fresh
 * taker: with it, "fresh" means a fresh copy that holds data. A change that only the arbiter
 * and stale data copies could take is refused, or the one up copy of the data would be a
 * stale one.
 */
public final class WriteRules {
    /** What the tie-breaker said about the change being judged. */
    public enum TieBreak {
        NOT_ASKED, RECORDED, REFUSED
    }

    private final int replicaCount;
    private final Quorum quorum;
    private final ChildSet arbiters;

    public WriteRules(int replicaCount, Quorum quorum) {
        this(replicaCount, quorum, ChildSet.NONE);
    }

    /** @param arbiters the copies that hold no data (at most one, never every copy) */
    public WriteRules(int replicaCount, Quorum quorum, ChildSet arbiters) {
        Checks.inRange(replicaCount, 1, ChildSet.CHILDREN_MAX, "replica count");
        quorum.check(replicaCount);
        Checks.argument(arbiters.size() <= 1 && arbiters.minus(ChildSet.all(replicaCount))
                .isEmpty() && arbiters.size() < replicaCount, "an arbiter is one of the copies");
        this.replicaCount = replicaCount;
        this.quorum = quorum;
        this.arbiters = arbiters;
    }

    /**
     * Before sending a change to {@code reachable}, given the children that are {@code fresh}
     * for the changed file.
     */
    public Admission admit(ChildSet reachable, ChildSet freshCopies) {
        ChildSet fresh = freshCopies.minus(arbiters);
        if (reachable.isEmpty()) {
            return Admission.refuse(Errno.ENOTCONN);
        }
        if (fresh.isEmpty()) {
            return Admission.refuse(Errno.EIO);
        }
        if (reachable.intersect(fresh).isEmpty()) {
            return Admission.refuse(Errno.ENOTCONN);
        }
        if (quorum.writeMet(reachable.size(), replicaCount)) {
            return Admission.go();
        }
        if (quorum.tieBreakable(reachable.size(), replicaCount)) {
            return Admission.tieBreakerFirst(others(reachable).first());
        }
        return Admission.refuse(Errno.EROFS);
    }

    /**
     * After the answers.
     *
     * @param undurable takers whose markers may not have been written (the call failed, or
     *     its reply was lost): they hold the change, so they are never blamed for it, but they
     *     do not count towards the quorum or as the fresh taker
     * @param scope the children the change concerns; only they are blamed
     * @param freshCopies the children fresh for the file and not blamed so far in this change
     */
    public Verdict settle(Outcomes outcomes, ChildSet undurable, ChildSet scope,
            ChildSet freshCopies, TieBreak tieBreak) {
        Checks.argument(outcomes.replicaCount() == replicaCount, "outcomes of another size");
        ChildSet fresh = freshCopies.minus(arbiters);
        ChildSet took = outcomes.takers();
        ChildSet takers = took.minus(undurable);
        boolean selfBlame = takersBlameThemselves(took, freshCopies);
        if (took.isEmpty()) {
            return Verdict.refused(outcomes.failureErrno(), false);
        }
        if (takers.intersect(fresh).isEmpty()) {
            int errno;
            if (!outcomes.failed().isEmpty()) {
                errno = outcomes.failureErrno();
            } else if (!undurable.isEmpty()) {
                errno = Errno.EROFS;
            } else {
                errno = fresh.isEmpty() ? Errno.EIO : Errno.ENOTCONN;
            }
            return Verdict.refused(errno, selfBlame);
        }
        boolean met = quorum.writeMet(takers.size(), replicaCount);
        if (!met && quorum.tieBreakable(takers.size(), replicaCount)) {
            switch (tieBreak) {
                case NOT_ASKED -> {
                    return Verdict.askTieBreaker(others(takers).first());
                }
                case RECORDED -> met = true;
                case REFUSED -> {
                    return Verdict.refused(Errno.EROFS, selfBlame);
                }
            }
        }
        if (met) {
            return Verdict.acknowledged(scope.minus(took));
        }
        // A stale copy's ENOENT says nothing of the object: it lacks a name that a taker
        // removed, and passing it on would tell the caller that nothing was there.
        ChildSet telling = outcomes.failed().minus(outcomes.failedWith(Errno.ENOENT)
                .minus(freshCopies));
        int errno = outcomes.failureErrno(telling);
        boolean meaningful = !telling.isEmpty() && errno != Errno.EIO
                && !Outcomes.isLostConnection(errno);
        return Verdict.refused(meaningful ? errno : Errno.EROFS, selfBlame);
    }

    /**
     * Whether the copies that took a refused change must blame themselves: while a fresh copy
     * with data lacks the change, reads must keep to it, and the heal must bring the takers
     * back to it. Never when no fresh copy lacks it, so that some copy always stays fresh.
     *
     * <p>{@link #settle} judges this against the copies fresh and not blamed so far in the
     * change; a refused change's runner judges again against the copies fresh before it that
     * were sent it and lack it: a copy blamed after failing it is fresh again once that blame
     * is taken back, while a copy that was away stays blamed when the takers do not blame
     * themselves.
     */
    public boolean takersBlameThemselves(ChildSet took, ChildSet freshCopies) {
        return !took.isEmpty() && !freshCopies.minus(arbiters).minus(took).isEmpty();
    }

    /**
     * The copies that blame the fresh copies of a refused change of a file whose answer was
     * lost ({@link Outcomes#lostAnswers}): the fresh copies with data that surely lack it
     * (they answered with another error). Without their marks a copy that took the change and lost its answer would differ from
     * them with no mark, both fresh, and a heal would leave the two as they are. A copy that
     * surely lacks a refused change holds every acknowledged one, being fresh, so the heal
     * may bring the unsure copy back to it.
     *
     * @param freshWithout the copies fresh before the change that were sent it and lack it
     */
    public ChildSet surelyWithout(Outcomes outcomes, ChildSet freshWithout) {
        return freshWithout.intersect(outcomes.failed()).minus(outcomes.lostAnswers()).minus(
                arbiters);
    }

    /** Settles a change whose takers all wrote their markers. */
    public Verdict settle(Outcomes outcomes, ChildSet scope, ChildSet fresh, TieBreak tieBreak) {
        return settle(outcomes, ChildSet.NONE, scope, fresh, tieBreak);
    }

    private ChildSet others(ChildSet children) {
        return ChildSet.all(replicaCount).minus(children);
    }
}
