package io.bramble.fs.disperse;

import io.bramble.fs.replicate.ChildSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which fragments of a file are in step: those that share a state ({@link FragmentState})
 * with at least D others counting themselves. Every change is acknowledged only once D
 * fragments took it, and a set has fewer than 2D fragments (M < D), so at most one state can
 * have D fragments, and it is the newest acknowledged one: the fragments that missed a change
 * are at most M. A fragment at any other state missed a change and is stale until healed.
 *
 * @param state the state the fragments in step share
 * @param children the fragments in step, D of them at least
 */
record Freshness(FragmentState state, ChildSet children) {
    /**
     * The fragments in step among {@code states} (one per child, null where the child did not
     * answer or its state is damaged), or null when no state has {@code dataCount} of them.
     */
    static Freshness of(FragmentState[] states, int dataCount) {
        Map<FragmentState, ChildSet> byState = new HashMap<>();
        for (int child = 0; child < states.length; child++) {
            if (states[child] != null) {
                byState.merge(states[child], ChildSet.of(child), ChildSet::union);
            }
        }
        for (Map.Entry<FragmentState, ChildSet> entry : byState.entrySet()) {
            if (entry.getValue().size() >= dataCount) {
                return new Freshness(entry.getKey(), entry.getValue());
            }
        }
        return null;
    }
}
