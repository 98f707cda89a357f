package io.bramble.fs.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Errno;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

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
        Model model = new Model(replicas, new SplittableRandom(seed));
        for (int step = 0; step < STEPS; step++) {
            ChildSet up = new ChildSet(model.random.nextInt(1 << replicas));
            if (model.random.nextInt(3) == 0) {
                model.read(up, model.random.nextInt(replicas));
            } else {
                model.change(up);
            }
        }
    }

    @Property(tries = 200)
    void withEveryCopyUpChangesAreAcknowledgedAndReadable(
            @ForAll @IntRange(min = 2, max = 3) int replicas, @ForAll long seed) {
        Model model = new Model(replicas, new SplittableRandom(seed));
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
        BlameMatrix markers;
        final List<Set<Integer>> took = new ArrayList<>();
        final Set<Integer> acknowledged = new HashSet<>();
        ChildSet recordedStale = ChildSet.NONE;
        int nextChange;

        Model(int replicas, SplittableRandom random) {
            this.replicas = replicas;
            this.random = random;
            this.rules = new WriteRules(replicas, quorum);
            this.markers = BlameMatrix.none(replicas);
            for (int i = 0; i < replicas; i++) {
                took.add(new HashSet<>());
            }
        }

        /** What the answering copies' markers say: blame by copies that are away is unseen. */
        BlameMatrix seenBy(ChildSet answering) {
            BlameMatrix seen = BlameMatrix.none(replicas);
            for (int blamed = 0; blamed < replicas; blamed++) {
                for (int blamer : markers.blamers(blamed).intersect(answering).indexes()) {
                    seen = seen.with(blamer, ChildSet.of(blamed));
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
            ReadChoice choice = ReadChoice.choose(seenBy(up), up, preferred);
            if (choice.found()) {
                assertThat(took.get(choice.child())).as("copy %d read under %s", choice.child(),
                        markers).containsAll(acknowledged);
            }
        }

        void change(ChildSet up) {
            change(up, false);
        }

        void change(ChildSet up, boolean allTake) {
            if (!readable(up)) {
                return;
            }
            ChildSet fresh = seenBy(up).fresh();
            Admission admission = rules.admit(up, fresh);
            if (admission.type() == Admission.Type.REFUSE
                    || admission.type() == Admission.Type.TIE_BREAKER_FIRST
                            && !record(admission.staleChild())) {
                return;
            }
            ChildSet all = ChildSet.all(replicas);
            ChildSet missing = all.minus(up);
            for (int child : up.indexes()) {
                markers = markers.with(child, missing);
            }
            int change = nextChange++;
            int[] codes = new int[replicas];
            for (int child = 0; child < replicas; child++) {
                codes[child] = up.contains(child)
                        ? answer(child, change, allTake)
                        : Outcomes.NOT_SENT;
            }
            Outcomes outcomes = Outcomes.of(codes);
            WriteRules.TieBreak tieBreak = WriteRules.TieBreak.NOT_ASKED;
            Verdict verdict = rules.settle(outcomes, all, fresh, tieBreak);
            if (verdict.type() == Verdict.Type.ASK_TIE_BREAKER) {
                tieBreak = record(verdict.staleChild())
                        ? WriteRules.TieBreak.RECORDED
                        : WriteRules.TieBreak.REFUSED;
                verdict = rules.settle(outcomes, all, fresh, tieBreak);
            }
            for (int child : outcomes.takers().indexes()) {
                if (verdict.acknowledged()) {
                    markers = markers.with(child, verdict.blame());
                } else if (verdict.selfBlame()) {
                    markers = markers.with(child, ChildSet.of(child));
                }
            }
            if (verdict.acknowledged()) {
                acknowledged.add(change);
            }
        }

        /** Took it, failed, or took it and lost the reply (blamed though it holds it). */
        private int answer(int child, int change, boolean allTake) {
            int roll = allTake ? 0 : random.nextInt(10);
            if (roll < 6 || roll == 9) {
                took.get(child).add(change);
            }
            return roll < 6 ? Outcomes.TOOK : roll < 8 ? Errno.ENOSPC : Errno.ENOTCONN;
        }
    }
}
