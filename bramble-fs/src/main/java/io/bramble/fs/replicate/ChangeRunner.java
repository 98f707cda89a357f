package io.bramble.fs.replicate;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs a change on the copies under the {@link WriteRules} (AFR's pre-op and post-op):
 *
 * <ol>
 *   <li>admission: the tie-breaker is asked first when one copy of two will take it alone;
 *   <li>pre-op: copies known to be away are blamed on the copies that will take the change,
 *       before it is sent;
 *   <li>the change goes to the reachable copies in parallel;
 *   <li>post-op: copies that failed it are blamed on those that took it; a taker whose marker
 *       may not have been written no longer counts towards the quorum (but holds the change,
 *       so it is not blamed), and the rules are applied again;
 *   <li>only then is the change acknowledged. A refused change takes back the blame it
 *       wrote (it accused copies of missing something nobody was told of), then its takers
 *       blame themselves when the rules say so.
 * </ol>
 */
final class ChangeRunner {
    private final int replicaCount;
    private final WriteRules rules;
    private final Fanout fanout;
    private final Markers markers;
    private final TieBreaker tieBreaker;

    ChangeRunner(int replicaCount, WriteRules rules, Fanout fanout, Markers markers,
            TieBreaker tieBreaker) {
        this.replicaCount = replicaCount;
        this.rules = rules;
        this.fanout = fanout;
        this.markers = markers;
        this.tieBreaker = tieBreaker;
    }

    /** What an acknowledged change left: every copy's answer and the copies that took it. */
    record Done<T>(Answers<T> answers, ChildSet takers) {}

    /** The state of one change between its steps. */
    private final class Progress {
        ChildSet sendTo;
        /** Every child a marker was sent against, whether or not the marker was written. */
        ChildSet attempted = ChildSet.NONE;
        /** What each child reported writing in its markers during this change. */
        final ChildSet[] recorded = new ChildSet[replicaCount];
        ChildSet versionCounted = ChildSet.NONE;
        WriteRules.TieBreak tieBreak = WriteRules.TieBreak.NOT_ASKED;

        Progress(ChildSet sendTo) {
            this.sendTo = sendTo;
            Arrays.fill(recorded, ChildSet.NONE);
        }

        /** A child blamed in this change, even by a marker that may not have landed, is not. */
        ChildSet fresh(Change<?> change) {
            return change.fresh().minus(attempted);
        }
    }

    <T> Done<T> run(Change<T> change) throws FsException {
        Progress progress = new Progress(change.reachable().intersect(change.scope()));
        try {
            preOp(change, progress);
        } catch (FsException e) {
            takeBack(change, progress);
            throw e;
        }
        Answers<T> answers = fanout.call(progress.sendTo, change.call(), change.undo());
        Outcomes outcomes = answers.outcomes();
        ChildSet undurable = ChildSet.NONE;
        while (true) {
            Verdict verdict = rules.settle(outcomes, undurable, change.scope(),
                    progress.fresh(change), progress.tieBreak);
            switch (verdict.type()) {
                case ASK_TIE_BREAKER -> progress.tieBreak = tieBreaker.record(
                        verdict.staleChild())
                                ? WriteRules.TieBreak.RECORDED
                                : WriteRules.TieBreak.REFUSED;
                case ACKNOWLEDGED -> {
                    ChildSet toBlame = verdict.blame().minus(progress.attempted);
                    if (toBlame.isEmpty()) {
                        for (int child = 0; child < replicaCount; child++) {
                            change.sink().blamed(child, progress.recorded[child]);
                        }
                        return new Done<>(answers, outcomes.takers());
                    }
                    ChildSet blamers = outcomes.takers().minus(undurable);
                    ChildSet marked = mark(change, blamers, c -> toBlame, progress);
                    undurable = undurable.union(blamers.minus(marked));
                }
                case REFUSED -> {
                    refuse(change, answers, outcomes, undurable, progress);
                    throw new FsException(verdict.errno(), "change not acknowledged");
                }
            }
        }
    }

    /** Admission and the markers that must precede the change; shrinks the copies to send to. */
    private <T> void preOp(Change<T> change, Progress progress) throws FsException {
        // Each round drops at least one copy whose marker failed, so this ends.
        while (true) {
            Admission admission = rules.admit(progress.sendTo, progress.fresh(change));
            switch (admission.type()) {
                case REFUSE -> throw new FsException(admission.errno(), "change refused");
                case TIE_BREAKER_FIRST -> {
                    if (!tieBreaker.record(admission.staleChild())) {
                        throw new FsException(Errno.EROFS,
                                "the tie-breaker did not record the other copy as stale");
                    }
                    progress.tieBreak = WriteRules.TieBreak.RECORDED;
                }
                case GO -> {
                }
            }
            ChildSet away = change.scope().minus(progress.sendTo).minus(progress.attempted);
            if (away.isEmpty()) {
                return;
            }
            ChildSet marked = mark(change, progress.sendTo, c -> away, progress);
            if (marked.equals(progress.sendTo)) {
                return;
            }
            progress.sendTo = marked;
        }
    }

    /** Has each of {@code blamers} record its blame, in parallel; returns who reported it. */
    private <T> ChildSet mark(Change<T> change, ChildSet blamers,
            IntFunction<ChildSet> blamedBy, Progress progress) {
        ChildSet counting = blamers.minus(progress.versionCounted);
        for (int child : blamers.indexes()) {
            progress.attempted = progress.attempted.union(blamedBy.apply(child));
        }
        Answers<Boolean> answers = fanout.call(blamers, (child, copy) -> {
            List<FsPath> done = new ArrayList<>();
            try {
                for (FsPath path : change.markAt()) {
                    markers.record(copy, path, blamedBy.apply(child), change.kind(),
                            counting.contains(child));
                    done.add(path);
                }
            } catch (FsException e) {
                // All paths or none: a failure reported must leave no blame behind.
                for (FsPath path : done) {
                    try {
                        markers.unrecord(copy, path, blamedBy.apply(child), change.kind(),
                                counting.contains(child));
                    } catch (FsException again) {
                        // A false blame left for self-heal.
                    }
                }
                throw e;
            }
            return true;
        });
        ChildSet ok = answers.ok();
        progress.versionCounted = progress.versionCounted.union(counting.intersect(ok));
        for (int child : ok.indexes()) {
            progress.recorded[child] = progress.recorded[child].union(blamedBy.apply(child));
        }
        return ok;
    }

    /**
     * Takes back every blame and version count this change recorded; returns the children
     * whose blame may remain, recorded on copies that did not report taking it back.
     */
    private <T> ChildSet takeBack(Change<T> change, Progress progress) {
        ChildSet holders = ChildSet.NONE;
        for (int child = 0; child < replicaCount; child++) {
            if (!progress.recorded[child].isEmpty() || progress.versionCounted.contains(child)) {
                holders = holders.with(child);
            }
        }
        ChildSet[] recorded = progress.recorded.clone();
        ChildSet counted = progress.versionCounted;
        // A copy that cannot take it back keeps a false blame until self-heal compares.
        ChildSet tookBack = fanout.call(holders, (child, copy) -> {
            for (FsPath path : change.markAt()) {
                markers.unrecord(copy, path, recorded[child], change.kind(),
                        counted.contains(child));
            }
            return true;
        }).ok();
        ChildSet stillBlamed = ChildSet.NONE;
        for (int child : holders.minus(tookBack).indexes()) {
            stillBlamed = stillBlamed.union(recorded[child]);
        }
        Arrays.fill(progress.recorded, ChildSet.NONE);
        progress.versionCounted = ChildSet.NONE;
        return stillBlamed;
    }

    /**
     * A refused change that some copies took is not undone. When a fresh copy that was sent it
     * lacks it, the change's blame is taken back and the takers blame themselves (best effort:
     * the change fails either way), so that reads keep to that copy and the heal copies it
     * back to them. When every fresh copy that was sent it took it, it stays, as a failed
     * write(2) may have, and its blame stands as an acknowledged change's would: the copies
     * that were away are blamed already (the pre-op), the others that missed it are blamed
     * now. Taking that blame back would leave a copy that was away fresh beside the takers and
     * different from them, with nothing to tell the heal which to copy. A removal whose
     * takers were fresh for the folder counts a copy that lacks it as fresh only if its file
     * under the name is one nobody blames ({@link #removalLeft}). What the copies returned is
     * released.
     */
    private <T> void refuse(Change<T> change, Answers<T> answers, Outcomes outcomes,
            ChildSet undurable, Progress progress) {
        ChildSet took = outcomes.takers();
        ChildSet away = change.scope().minus(took).minus(outcomes.failed());
        ChildSet freshWithout = change.fresh().minus(took).minus(away);
        if (change.removal() != null && took.minus(change.fresh()).isEmpty()) {
            RemovalLeft left = removalLeft(change, answers, took, freshWithout);
            took = took.union(left.tookUnsaid());
            freshWithout = left.holdingFresh();
        }
        if (!took.isEmpty() && !rules.takersBlameThemselves(took, freshWithout)) {
            ChildSet missed = change.scope().minus(took).minus(progress.attempted);
            if (!missed.isEmpty()) {
                mark(change, took.minus(undurable), c -> missed, progress);
            }
            for (int child = 0; child < replicaCount; child++) {
                change.sink().blamed(child, progress.recorded[child]);
            }
        } else {
            ChildSet stillBlamed = takeBack(change, progress);
            if (rules.takersBlameThemselves(took, freshWithout.minus(stillBlamed))) {
                ChildSet marked = mark(change, took, ChildSet::of, progress);
                for (int child : marked.indexes()) {
                    change.sink().blamed(child, ChildSet.of(child));
                }
            }
            blameUnsure(change, outcomes, freshWithout, progress);
        }
        undo(change, answers, answers.ok());
    }

    /**
     * After a refused change of a file that a fresh copy may have taken unsaid (its answer
     * lost), the fresh copies that surely lack it blame that copy ({@link
     * WriteRules#surelyWithout}; best effort, the change fails either way). Folders' entry
     * changes are left as they are: a folder whose copies differ is settled name by name.
     */
    private <T> void blameUnsure(Change<T> change, Outcomes outcomes, ChildSet freshWithout,
            Progress progress) {
        ChildSet unsure = outcomes.lostAnswers().intersect(change.fresh());
        ChildSet blamers = rules.surelyWithout(outcomes, freshWithout);
        if (change.kind() == ChangeKind.ENTRY || unsure.isEmpty() || blamers.isEmpty()) {
            return;
        }
        ChildSet marked = mark(change, blamers, c -> unsure, progress);
        for (int child : marked.indexes()) {
            change.sink().blamed(child, unsure);
        }
    }

    /**
     * What a refused removal left on the copies that did not say they took it: those that
     * took it without saying so (the source name is gone from them), and those that still
     * hold a file under the name that nobody blames.
     */
    private record RemovalLeft(ChildSet tookUnsaid, ChildSet holdingFresh) {}

    /**
     * Reads, on the copies {@code lacking} a refused removal, what it left
     * ({@link RemovalLeft}); on refusals only, so a removal that goes through costs nothing
     * more. A copy that the removed file's markers blame, on a taker (from its answer) or on
     * a copy that lacks the change (read now), holds a stale file there. A copy that cannot
     * be read counts as holding a fresh one.
     *
     * <p>Only asked when the takers were fresh for the folder: the copies that lack the
     * removal and hold no fresh file are then blamed by the takers as for an acknowledged
     * change, where taking the removal back would leave such a copy the one to read the name
     * from, and its stale file would be served or healed back. When a taker was itself
     * blamed for the folder, blaming those copies could leave every copy of the folder blamed
     * by another, so the refusal is taken back as for any change.
     */
    private <T> RemovalLeft removalLeft(Change<T> change, Answers<T> answers, ChildSet took,
            ChildSet lacking) {
        Removal<T> removal = change.removal();
        ChildSet blamed = ChildSet.NONE;
        for (int child : took.indexes()) {
            blamed = blamed.union(removal.blamedBy().apply(answers.value(child)));
        }
        if (lacking.isEmpty()) {
            return new RemovalLeft(ChildSet.NONE, lacking);
        }
        Answers<ChildSet> read = fanout.call(lacking, (child, copy) -> {
            ChildSet marks = markers.read(copy, removal.source());
            if (!removal.removed().equals(removal.source())) {
                try {
                    marks = markers.read(copy, removal.removed());
                } catch (FsException e) {
                    if (e.errno() != Errno.ENOENT) {
                        throw e;
                    }
                    marks = ChildSet.NONE;
                }
            }
            return marks;
        });
        ChildSet tookUnsaid = ChildSet.NONE;
        for (int child : lacking.indexes()) {
            if (read.ok().contains(child)) {
                blamed = blamed.union(read.value(child));
            } else if (read.code(child) == Errno.ENOENT) {
                tookUnsaid = tookUnsaid.with(child);
            }
        }
        return new RemovalLeft(tookUnsaid, lacking.minus(tookUnsaid).minus(blamed));
    }

    /** Releases what {@code copies} returned (they are not part of the change's result). */
    private static <T> void undo(Change<T> change, Answers<T> answers, ChildSet copies) {
        if (change.undo() != null) {
            for (int child : copies.indexes()) {
                change.undo().accept(answers.value(child));
            }
        }
    }
}
