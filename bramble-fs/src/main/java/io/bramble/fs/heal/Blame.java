package io.bramble.fs.heal;

import io.bramble.fs.replicate.ChildSet;
import java.util.List;

/**
 * Who blames whom for one file, from its copies' states: which copies hold it, which answered,
 * which some holding copy blames. The copies that hold the file and that nobody blames are its
 * sources; when the file is marked and there are none, it is in split-brain. Pure.
 */
record Blame(ChildSet present, ChildSet reachable, ChildSet accused) {
    static Blame of(List<CopyState> states) {
        ChildSet present = ChildSet.NONE;
        ChildSet reachable = ChildSet.NONE;
        ChildSet accused = ChildSet.NONE;
        for (int i = 0; i < states.size(); i++) {
            CopyState state = states.get(i);
            if (state.reachable()) {
                reachable = reachable.with(i);
            }
            if (state.present()) {
                present = present.with(i);
                accused = accused.union(state.blamed());
            }
        }
        return new Blame(present, reachable, accused);
    }

    ChildSet sources() {
        return present.minus(accused);
    }

    /** Some copy holds the file, some copy is blamed, and every copy holding it is. */
    boolean splitBrain() {
        return !present.isEmpty() && !accused.isEmpty() && sources().isEmpty();
    }
}
