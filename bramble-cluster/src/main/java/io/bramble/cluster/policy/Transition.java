package io.bramble.cluster.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the policy engine decided: where each primitive runs after the transition, the changes
 * that get it there, and the actions in the order they may be carried out.
 *
 * @param placement each primitive's node after the transition (empty: stopped), in
 *     configuration order
 * @param changes the summary, one line per primitive that starts, stops, moves or restarts,
 *     higher priority first (as crm_simulate lists them)
 * @param actions stops, then starts with their recurring monitors, each after what it
 *     depends on
 */
public record Transition(Map<String, Optional<String>> placement, List<Change> changes,
        List<Action> actions) {
    public Transition {
        placement = Collections.unmodifiableMap(new LinkedHashMap<>(placement));
        changes = List.copyOf(changes);
        actions = List.copyOf(actions);
    }
}
