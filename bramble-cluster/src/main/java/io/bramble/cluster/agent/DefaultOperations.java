package io.bramble.cluster.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operations pcs 0.11 creates with a resource, from its agent's meta-data: every action
 * but the one-time ones ({@code meta-data}, {@code validate-all}) and the old alias
 * {@code status}, with the agent's timeout and interval; for a fence agent the monitor only;
 * and a monitor always, even when the agent lists none.
 */
public final class DefaultOperations {
    private static final Set<String> ONE_TIME = Set.of("meta-data", "status", "validate-all");

    private DefaultOperations() {
    }

    /** What {@code pcs resource describe} lists under "Default operations". */
    public static List<DefaultOperation> of(AgentMetadata metadata) {
        List<DefaultOperation> operations = new ArrayList<>();
        for (AgentAction action : metadata.actions()) {
            boolean copied = metadata.name().isStonith()
                    ? action.name().equals("monitor")
                    : !ONE_TIME.contains(action.name());
            if (copied) {
                operations.add(operation(action));
            }
        }
        if (operations.stream().noneMatch(o -> o.name().equals("monitor"))) {
            operations.add(new DefaultOperation("monitor", defaultInterval("monitor"),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return operations;
    }

    /**
     * The operations {@code pcs resource create} stores: those of {@link #of} not already
     * named by the user, an interval taken twice for one action moved up a second at a time
     * until it is free, as pcs does ("to make the operation unique"). Intervals that are not
     * plain times are left as they are.
     */
    public static List<DefaultOperation> forCreate(AgentMetadata metadata,
            Set<String> namedByUser) {
        Map<String, Set<Long>> used = new HashMap<>();
        List<DefaultOperation> result = new ArrayList<>();
        for (DefaultOperation operation : of(metadata)) {
            if (namedByUser.contains(operation.name())) {
                continue;
            }
            Optional<Long> seconds = IntervalText.seconds(operation.interval());
            if (seconds.isEmpty()) {
                result.add(operation);
                continue;
            }
            Set<Long> taken = used.computeIfAbsent(operation.name(), k -> new HashSet<>());
            long free = seconds.get();
            while (taken.contains(free)) {
                free++;
            }
            taken.add(free);
            result.add(free == seconds.get()
                    ? operation
                    : new DefaultOperation(operation.name(), Long.toString(free),
                            operation.timeout(), operation.role(), operation.startDelay(),
                            operation.depth()));
        }
        return result;
    }

    /** pcs's interval for an operation that gives none: 60s for monitor, 0s otherwise. */
    public static String defaultInterval(String action) {
        return action.equals("monitor") ? "60s" : "0s";
    }

    private static DefaultOperation operation(AgentAction action) {
        String interval = action.interval().filter(i -> !i.isEmpty())
                .orElse(defaultInterval(action.name()));
        return new DefaultOperation(action.name(), interval, action.timeout(), action.role(),
                action.startDelay(), action.depth().filter(d -> !d.equals("0")));
    }
}
