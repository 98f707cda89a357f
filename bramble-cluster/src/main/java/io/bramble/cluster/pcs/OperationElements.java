package io.bramble.cluster.pcs;

import io.bramble.cluster.agent.DefaultOperation;
import io.bramble.cluster.agent.DefaultOperations;
import java.util.Map;

/**
 * The {@code op} elements pcs writes: {@code name}, {@code interval} (pcs's default when the
 * user gives none), the other options, and the id {@code RESOURCE-ACTION-interval-INTERVAL};
 * an {@code OCF_CHECK_LEVEL} goes into the operation's own instance attributes.
 */
final class OperationElements {
    static final String CHECK_LEVEL = "OCF_CHECK_LEVEL";

    private OperationElements() {
    }

    /** An operation the user wrote ({@code op monitor interval=30s}). */
    static CibElement of(Edit edit, String resourceId, String action,
            Map<String, String> options) {
        String interval = options.getOrDefault("interval",
                DefaultOperations.defaultInterval(action));
        CibElement op = new CibElement("op", "name", action, "interval", interval);
        options.forEach((name, value) -> {
            if (!name.equals("interval") && !name.equals(CHECK_LEVEL) && !name.equals("id")) {
                op.set(name, value);
            }
        });
        op.set("id", options.containsKey("id")
                ? options.get("id")
                : PcsIds.unique(edit.cib, resourceId + "-" + action + "-interval-" + interval));
        if (options.containsKey(CHECK_LEVEL)) {
            checkLevel(edit, op, options.get(CHECK_LEVEL));
        }
        return op;
    }

    /** An operation pcs copies from the agent's meta-data. */
    static CibElement of(Edit edit, String resourceId, DefaultOperation operation) {
        var options = new java.util.LinkedHashMap<String, String>();
        options.put("interval", operation.interval());
        operation.timeout().ifPresent(t -> options.put("timeout", t));
        operation.role().ifPresent(r -> options.put("role", r));
        operation.startDelay().ifPresent(d -> options.put("start-delay", d));
        operation.depth().ifPresent(d -> options.put(CHECK_LEVEL, d));
        return of(edit, resourceId, operation.name(), options);
    }

    private static void checkLevel(Edit edit, CibElement op, String level) {
        String setId = PcsIds.unique(edit.cib, op.get("id") + "-instance_attributes");
        CibElement set = op.append(new CibElement("instance_attributes", "id", setId));
        set.append(new CibElement("nvpair", "id", setId + "-" + CHECK_LEVEL,
                "name", CHECK_LEVEL, "value", level));
    }
}
