package io.bramble.fs.heal;

import io.bramble.fs.replicate.BlameMatrix;
import io.bramble.fs.replicate.ChildSet;
import java.util.List;

/**
 * Who blames whom for one file, from its copies' states: which copies hold it, which answered,
 * what each holding copy's marks blame. The copies that hold the file and that nobody blames
 * are its sources. When no copy with data is one and every copy answered, the copies with
 * data that only blame themselves are ({@link BlameMatrix#blamedOnlyByThemselves}: each holds
 * every acknowledged change and refused ones beside), and every other copy is healed from
 * one of them, an arbiter nobody blames too. When the file is marked and there are no
 * sources, it is in split-brain. Pure.
 *
 * @param marks the blame of the copies that hold the file
 * @param arbiters the copies that hold no data
 */
record Blame(ChildSet present, ChildSet reachable, BlameMatrix marks, ChildSet arbiters) {
    static Blame of(List<CopyState> states, ChildSet arbiters) {
        ChildSet present = ChildSet.NONE;
        ChildSet reachable = ChildSet.NONE;
        BlameMatrix marks = BlameMatrix.none(states.size());
        for (int i = 0; i < states.size(); i++) {
            CopyState state = states.get(i);
            if (state.reachable()) {
                reachable = reachable.with(i);
            }
            if (state.present()) {
                present = present.with(i);
                marks = marks.with(i, state.blamed());
            }
        }
        return new Blame(present, reachable, marks, arbiters);
    }

    /** The copies some holding copy blames. */
    ChildSet accused() {
        return marks.blamed();
    }

    ChildSet sources() {
        ChildSet fresh = present.minus(accused());
        if (!fresh.minus(arbiters).isEmpty()
                || !reachable.equals(ChildSet.all(marks.replicaCount()))) {
            return fresh;
        }
        ChildSet selfBlamed = present.intersect(marks.blamedOnlyByThemselves()).minus(arbiters);
        return selfBlamed.isEmpty() ? fresh : selfBlamed;
    }

    /** The copies to heal from {@code source}: those that answer and are blamed or no source. */
    ChildSet sinks(int source) {
        return accused().union(present.minus(sources())).intersect(reachable).without(source);
    }

    /** Some copy holds the file, some copy is blamed, and every copy holding it is. */
    boolean splitBrain() {
        return !present.isEmpty() && !accused().isEmpty() && sources().isEmpty();
    }
}
