package io.bramble.fs.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Errno;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The rules alone, played over random outages: copies as sets of the changes they took,
 * markers as a blame matrix, the tie-breaker as a set of children recorded stale. Whatever
 * the sequence, a read that the rules allow (read quorum met, markers of the answering copies
 * consulted) lands on a copy that took every acknowledged change.
 */
class ReplicaRulesModelTest {
    private static final int STEPS = 80;

    @Property(tries = 1000)
    void readsAlwaysSeeEveryAcknowledgedChange(@ForAll @IntRange(min = 2, max = 3) int replicas,
            @ForAll long seed) {
        Model model = new Model(replicas, new SplittableRandom(seed), true);
        for (int step = 0; step < STEPS; step++) {
            ChildSet up = new ChildSet(model.random.nextInt(1 << replicas));
            if (model.random.nextInt(3) == 0) {
                model.read(up, model.random.nextInt(replicas));
            } else {
                model.change(up);
            }
        }
    }

    /**
     * With every copy answering, some copy is fresh: the rules never make a split-brain. A
     * marker whose reply was lost may have been written and cannot be taken back safely
     * (taking back a count never made would erase real blame), so such false blame can leave
     * no copy fresh until self-heal compares the copies; this property holds without it.
     */
    @Property(tries = 500)
    void everyCopyAnsweringNeverMeetsASplit(@ForAll @IntRange(min = 2, max = 3) int replicas,
            @ForAll long seed) {
        Model model = new Model(replicas, new SplittableRandom(seed), false);
        ChildSet all = ChildSet.all(replicas);
        for (int step = 0; step < STEPS; step++) {
            model.change(new ChildSet(model.random.nextInt(1 << replicas)));
            ReadChoice choice = ReadChoice.choose(model.markers(), all, -1);
            assertThat(choice.found()).as("a read with every copy up under %s after%n%s",
                    model.markers(), String.join("\n", model.trace)).isTrue();
        }
    }

    /**
     * When a failed call never took effect and every marker lands, the copies nobody blames
     * hold the same changes, refused ones included: a copy that differs is blamed, so the heal
     * knows which way to copy. A refused change whose takers did not blame themselves because
     * the copy without it had been blamed in the change, then had that blame taken back, left
     * two fresh copies that differ unmarked.
     */
    @Property(tries = 500)
    void copiesNobodyBlamesHoldTheSameChanges(@ForAll @IntRange(min = 2, max = 3) int replicas,
            @ForAll long seed) {
        Model model = new Model(replicas, new SplittableRandom(seed), false, false);
        for (int step = 0; step < STEPS; step++) {
            model.change(new ChildSet(model.random.nextInt(1 << replicas)));
            ChildSet fresh = model.markers().fresh();
            for (int child : fresh.indexes()) {
                assertThat(model.took.get(child)).as("copy %d beside copy %d under %s after%n%s",
                        child, fresh.first(), model.markers(), String.join("\n", model.trace))
                        .isEqualTo(model.took.get(fresh.first()));
            }
        }
    }

    /**
     * A copy that only blames itself holds every acknowledged change, lost markers and lost
     * replies included: the reason it may serve, and heal the others, when no copy is fresh.
     */
    @Property(tries = 500)
    void aCopyOnlyItselfBlamesHoldsEveryAcknowledgedChange(
            @ForAll @IntRange(min = 2, max = 3) int replicas, @ForAll long seed) {
        Model model = new Model(replicas, new SplittableRandom(seed), true);
        int seen = 0;
        for (int step = 0; step < STEPS; step++) {
            model.change(new ChildSet(model.random.nextInt(1 << replicas)));
            for (int child : model.markers().blamedOnlyByThemselves().indexes()) {
                seen++;
                assertThat(model.took.get(child)).as("copy %d under %s after%n%s", child,
                        model.markers(), String.join("\n", model.trace))
                        .containsAll(model.acknowledged);
            }
        }
        Statistics.collect(seen > 0);
        Statistics.coverage(coverage -> coverage.check(true).count(runs -> runs > 0));
    }

    /**
     * Copies that meet every set of takers an acknowledgement needs and blame neither each
     * other nor themselves hold every acknowledged change, whatever the others' markers say,
     * lost markers and lost replies included: the reason they may serve when a copy that was
     * away comes back blaming them all.
     */
    @Property(tries = 500)
    void copiesOfAnAgreeingGroupHoldEveryAcknowledgedChange(
            @ForAll @IntRange(min = 2, max = 3) int replicas, @ForAll long seed) {
        Model model = new Model(replicas, new SplittableRandom(seed), true);
        int seen = 0;
        for (int step = 0; step < STEPS; step++) {
            model.change(new ChildSet(model.random.nextInt(1 << replicas)));
            ChildSet answering = new ChildSet(model.random.nextInt(1 << replicas));
            ChildSet group = model.seenBy(answering).inAgreeingGroups(answering,
                    model.quorum.agreeingGroup(replicas));
            for (int child : group.indexes()) {
                seen++;
                assertThat(model.took.get(child)).as("copy %d of %s under %s after%n%s", child,
                        answering, model.markers(), String.join("\n", model.trace))
                        .containsAll(model.acknowledged);
            }
        }
        Statistics.collect(seen > 0);
        Statistics.coverage(coverage -> coverage.check(true).count(runs -> runs > 0));
    }

    @Property(tries = 200)
    void withEveryCopyUpChangesAreAcknowledgedAndReadable(
            @ForAll @IntRange(min = 2, max = 3) int replicas, @ForAll long seed) {
        Model model = new Model(replicas, new SplittableRandom(seed), true);
        ChildSet all = ChildSet.all(replicas);
        for (int step = 0; step < 20; step++) {
            model.change(all, true);
            assertThat(model.acknowledged).hasSize(step + 1);
            model.read(all, step % replicas);
        }
    }

    static final class Model {
        final int replicas;
        final SplittableRandom random;
        final WriteRules rules;
        final Quorum quorum = Quorum.AUTO;
        /** counts[b][c]: how many changes copy b's markers say copy c missed. */
        final int[][] counts;
        final List<Set<Integer>> took = new ArrayList<>();
        final Set<Integer> acknowledged = new HashSet<>();
        ChildSet recordedStale = ChildSet.NONE;
        int nextChange;
        /** What happened, for the message of a failed check. */
        final List<String> trace = new ArrayList<>();

        /** Whether marker writes may report failure after landing, and take-backs fail. */
        final boolean lostMarkers;
        /**
         * Whether a marker may fail unwritten and a copy may take a change and lose its reply;
         * without, a failed call never took effect.
         */
        final boolean failures;

        Model(int replicas, SplittableRandom random, boolean lostMarkers) {
            this(replicas, random, lostMarkers, true);
        }

        Model(int replicas, SplittableRandom random, boolean lostMarkers, boolean failures) {
            this.replicas = replicas;
            this.random = random;
            this.lostMarkers = lostMarkers;
            this.failures = failures;
            this.rules = new WriteRules(replicas, quorum);
            this.counts = new int[replicas][replicas];
            for (int i = 0; i < replicas; i++) {
                took.add(new HashSet<>());
            }
        }

        BlameMatrix markers() {
            return seenBy(ChildSet.all(replicas));
        }

        /** What the answering copies' markers say: blame by copies that are away is unseen. */
        BlameMatrix seenBy(ChildSet answering) {
            BlameMatrix seen = BlameMatrix.none(replicas);
            for (int blamer : answering.indexes()) {
                for (int blamed = 0; blamed < replicas; blamed++) {
                    if (counts[blamer][blamed] > 0) {
                        seen = seen.with(blamer, ChildSet.of(blamed));
                    }
                }
            }
            return seen;
        }

        boolean readable(ChildSet answering) {
            if (!quorum.readMet(answering.size(), replicas)) {
                return false;
            }
            return !quorum.readNeedsTieBreaker(answering.size(), replicas)
                    || !recordedStale.contains(answering.first());
        }

        /** The tie-breaker refuses to record a child while another one is recorded. */
        boolean record(int stale) {
            if (!recordedStale.without(stale).isEmpty()) {
                return false;
            }
            recordedStale = recordedStale.with(stale);
            return true;
        }

        void read(ChildSet up, int preferred) {
            if (!readable(up)) {
                return;
            }
            ReadChoice choice = ReadChoice.choose(seenBy(up), up, preferred, ChildSet.NONE,
                    quorum.agreeingGroup(replicas));
            if (choice.found()) {
                assertThat(took.get(choice.child())).as("copy %d read under %s", choice.child(),
                        markers()).containsAll(acknowledged);
            }
        }

        void change(ChildSet up) {
            change(up, false);
        }

        /** What one change wrote so far, to take back if it is refused. */
        final class Progress {
            ChildSet attempted = ChildSet.NONE;
            final ChildSet[] recorded = new ChildSet[replicas];

            Progress() {
                java.util.Arrays.fill(recorded, ChildSet.NONE);
            }
        }

        /** Plays one change as {@link ChangeRunner} does, markers failing now and then. */
        void change(ChildSet up, boolean allTake) {
            if (!readable(up)) {
                return;
            }
            ChildSet all = ChildSet.all(replicas);
            ChildSet fresh = seenBy(up).fresh();
            ChildSet sendTo = up;
            Progress progress = new Progress();
            WriteRules.TieBreak tieBreak = WriteRules.TieBreak.NOT_ASKED;
            while (true) {
                Admission admission = rules.admit(sendTo, fresh.minus(progress.attempted));
                if (admission.type() == Admission.Type.REFUSE
                        || admission.type() == Admission.Type.TIE_BREAKER_FIRST
                                && !record(admission.staleChild())) {
                    takeBack(progress, allTake);
                    return;
                }
                if (admission.type() == Admission.Type.TIE_BREAKER_FIRST) {
                    tieBreak = WriteRules.TieBreak.RECORDED;
                }
                ChildSet away = all.minus(sendTo).minus(progress.attempted);
                if (away.isEmpty()) {
                    break;
                }
                ChildSet marked = mark(sendTo, child -> away, allTake, progress);
                if (marked.equals(sendTo)) {
                    break;
                }
                sendTo = marked;
            }
            int change = nextChange++;
            int[] codes = new int[replicas];
            for (int child = 0; child < replicas; child++) {
                codes[child] = sendTo.contains(child)
                        ? answer(child, change, allTake)
                        : Outcomes.NOT_SENT;
            }
            Outcomes outcomes = Outcomes.of(codes);
            trace.add("change " + change + " sent to " + sendTo + ": " + outcomes);
            ChildSet undurable = ChildSet.NONE;
            while (true) {
                Verdict verdict = rules.settle(outcomes, undurable, all,
                        fresh.minus(progress.attempted), tieBreak);
                if (verdict.type() == Verdict.Type.ASK_TIE_BREAKER) {
                    tieBreak = record(verdict.staleChild())
                            ? WriteRules.TieBreak.RECORDED
                            : WriteRules.TieBreak.REFUSED;
                } else if (verdict.acknowledged()) {
                    ChildSet toBlame = verdict.blame().minus(progress.attempted);
                    if (toBlame.isEmpty()) {
                        acknowledged.add(change);
                        break;
                    }
                    ChildSet blamers = outcomes.takers().minus(undurable);
                    ChildSet marked = mark(blamers, child -> toBlame, allTake, progress);
                    undurable = undurable.union(blamers.minus(marked));
                } else {
                    refuse(outcomes, fresh, undurable, allTake, progress);
                    trace.add("  refused, now " + markers());
                    break;
                }
            }
        }

        /** As {@link ChangeRunner} refuses a change. */
        private void refuse(Outcomes outcomes, ChildSet fresh, ChildSet undurable,
                boolean allTake, Progress progress) {
            ChildSet all = ChildSet.all(replicas);
            ChildSet took = outcomes.takers();
            ChildSet away = all.minus(took).minus(outcomes.failed());
            ChildSet freshWithout = fresh.minus(took).minus(away);
            if (!took.isEmpty() && !rules.takersBlameThemselves(took, freshWithout)) {
                ChildSet missed = all.minus(took).minus(progress.attempted);
                if (!missed.isEmpty()) {
                    mark(took.minus(undurable), child -> missed, allTake, progress);
                }
                trace.add("  refused, kept");
                return;
            }
            ChildSet stillBlamed = takeBack(progress, allTake);
            if (rules.takersBlameThemselves(took, freshWithout.minus(stillBlamed))) {
                mark(took, ChildSet::of, allTake, progress);
            }
        }

        /**
         * Each of {@code blamers} writes its marker; one now and then fails, and some of
         * those failures wrote it anyway (the reply was lost). Returns who reported success.
         */
        private ChildSet mark(ChildSet blamers, IntFunction<ChildSet> blamed, boolean allTake,
                Progress progress) {
            ChildSet reported = ChildSet.NONE;
            for (int child : blamers.indexes()) {
                progress.attempted = progress.attempted.union(blamed.apply(child));
                // 0: written, reply lost; 1: not written; else written and reported.
                int roll = allTake || !failures ? 2 : random.nextInt(40);
                roll = roll == 0 && !lostMarkers ? 1 : roll;
                if (roll != 1) {
                    for (int victim : blamed.apply(child).indexes()) {
                        counts[child][victim]++;
                    }
                }
                if (roll < 2) {
                    trace.add("  marker of " + child + " against " + blamed.apply(child)
                            + (roll == 0 ? " written, reply lost" : " failed"));
                }
                if (roll >= 2) {
                    reported = reported.with(child);
                    progress.recorded[child] = progress.recorded[child]
                            .union(blamed.apply(child));
                }
            }
            return reported;
        }

        /**
         * Takes back what was reported written; a take-back may itself be lost. Returns the
         * children whose blame may remain, as {@link ChangeRunner} knows them.
         */
        private ChildSet takeBack(Progress progress, boolean allTake) {
            ChildSet stillBlamed = ChildSet.NONE;
            for (int child = 0; child < replicas; child++) {
                int roll = allTake || !lostMarkers ? 2 : random.nextInt(40);
                if (roll == 0 && !progress.recorded[child].isEmpty()) {
                    trace.add("  take-back on " + child + " lost");
                    stillBlamed = stillBlamed.union(progress.recorded[child]);
                }
                if (roll >= 1) {
                    for (int victim : progress.recorded[child].indexes()) {
                        counts[child][victim] = Math.max(0, counts[child][victim] - 1);
                    }
                }
                progress.recorded[child] = ChildSet.NONE;
            }
            return stillBlamed;
        }

        /** Took it, failed, or took it and lost the reply (blamed though it holds it). */
        private int answer(int child, int change, boolean allTake) {
            int roll = allTake ? 0 : random.nextInt(failures ? 10 : 9);
            if (roll < 6 || roll == 9) {
                took.get(child).add(change);
            }
            return roll < 6 ? Outcomes.TOOK : roll < 8 ? Errno.ENOSPC : Errno.ENOTCONN;
        }
    }
}
