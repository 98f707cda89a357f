package io.bramble.fs.replicate;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
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
 *       could not be written no longer counts, and the rules are applied again;
 *   <li>only then is the change acknowledged, or refused with the rules' errno.
 * </ol>
 */
final class ChangeRunner {
    private final WriteRules rules;
    private final Fanout fanout;
    private final Markers markers;
    private final TieBreaker tieBreaker;

    ChangeRunner(WriteRules rules, Fanout fanout, Markers markers, TieBreaker tieBreaker) {
        this.rules = rules;
        this.fanout = fanout;
        this.markers = markers;
        this.tieBreaker = tieBreaker;
    }

    /** What an acknowledged change left: every copy's answer and the copies that took it. */
    record Done<T>(Answers<T> answers, ChildSet takers) {}

    <T> Done<T> run(Change<T> change) throws FsException {
        Progress progress = new Progress(change.reachable().intersect(change.scope()));
        preOp(change, progress);
        Answers<T> answers = fanout.call(progress.sendTo, change.call(), change.undo());
        Outcomes outcomes = answers.outcomes();
        WriteRules.TieBreak tieBreak = progress.tieBreak;
        while (true) {
            Verdict verdict = rules.settle(outcomes, change.scope(), change.fresh(), tieBreak);
            switch (verdict.type()) {
                case ASK_TIE_BREAKER -> tieBreak = tieBreaker.record(verdict.staleChild())
                        ? WriteRules.TieBreak.RECORDED
                        : WriteRules.TieBreak.REFUSED;
                case ACKNOWLEDGED -> {
                    ChildSet toBlame = verdict.blame().minus(progress.blamed);
                    if (toBlame.isEmpty()) {
                        undo(change, answers, answers.ok().minus(outcomes.takers()));
                        return new Done<>(answers, outcomes.takers());
                    }
                    Answers<Boolean> marked = mark(change, outcomes.takers(), toBlame, progress);
                    progress.blamed = progress.blamed.union(toBlame);
                    for (int child : outcomes.takers().minus(marked.ok()).indexes()) {
                        outcomes = outcomes.withFailure(child, marked.code(child));
                    }
                }
                case REFUSED -> {
                    refuse(change, answers, outcomes, verdict, progress);
                    throw new FsException(verdict.errno(), "change not acknowledged");
                }
            }
        }
    }

    /** The state of one change between its steps. */
    private static final class Progress {
        ChildSet sendTo;
        ChildSet blamed = ChildSet.NONE;
        ChildSet versionCounted = ChildSet.NONE;
        WriteRules.TieBreak tieBreak = WriteRules.TieBreak.NOT_ASKED;

        Progress(ChildSet sendTo) {
            this.sendTo = sendTo;
        }
    }

    /** Admission and the markers that must precede the change; shrinks the copies to send to. */
    private <T> void preOp(Change<T> change, Progress progress) throws FsException {
        // Each round drops at least one copy whose marker failed, so this ends.
        while (true) {
            Admission admission = rules.admit(progress.sendTo, change.fresh());
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
            ChildSet away = change.scope().minus(progress.sendTo).minus(progress.blamed);
            if (away.isEmpty()) {
                return;
            }
            Answers<Boolean> marked = mark(change, progress.sendTo, away, progress);
            progress.blamed = progress.blamed.union(away);
            if (marked.ok().equals(progress.sendTo)) {
                return;
            }
            progress.sendTo = marked.ok();
        }
    }

    /** Has each of {@code blamers} blame {@code blamed} on its copy, in parallel. */
    private <T> Answers<Boolean> mark(Change<T> change, ChildSet blamers, ChildSet blamed,
            Progress progress) {
        return markEach(change, blamers, child -> blamed, progress);
    }

    private <T> Answers<Boolean> markEach(Change<T> change, ChildSet blamers,
            IntFunction<ChildSet> blamedBy, Progress progress) {
        ChildSet counting = blamers.minus(progress.versionCounted);
        Answers<Boolean> answers = fanout.call(blamers, (child, copy) -> {
            for (FsPath path : change.markAt()) {
                markers.record(copy, path, blamedBy.apply(child), change.kind(),
                        counting.contains(child));
            }
            return true;
        });
        progress.versionCounted = progress.versionCounted.union(answers.ok());
        for (int child : answers.ok().indexes()) {
            change.sink().blamed(child, blamedBy.apply(child));
        }
        return answers;
    }

    /**
     * A refused change: copies that took it blame themselves when the rules say so (best
     * effort: the change fails either way), and what they returned is released.
     */
    private <T> void refuse(Change<T> change, Answers<T> answers, Outcomes outcomes,
            Verdict verdict, Progress progress) {
        if (verdict.selfBlame()) {
            // A taker that cannot be marked is away; its copy of the change waits for heal.
            markEach(change, outcomes.takers(), ChildSet::of, progress);
        }
        undo(change, answers, answers.ok());
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
