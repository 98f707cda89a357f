package io.bramble.cluster.pcs;

import io.bramble.cluster.agent.DefaultOperations;
import io.bramble.cluster.agent.IntervalText;
import java.util.List;
import java.util.Map;

/**
 * {@code pcs resource op add ID ACTION NAME=VALUE…} and {@code pcs resource op delete
 * OP_ID | ID ACTION [NAME=VALUE…]}: one operation appended (a second one of an action needs
 * {@code --force}), or the operations matching removed.
 */
final class OperationCommands {
    private OperationCommands() {
    }

    static void add(Edit edit, List<String> words) {
        if (words.size() < 3) {
            throw new PcsException("usage: pcs resource op add ID ACTION NAME=VALUE...");
        }
        String id = words.getFirst();
        String action = words.get(1);
        CibElement primitive = edit.primitive(id);
        Map<String, String> options = NameValueSets.pairs(words.subList(2, words.size()));
        CibElement operations = primitive.childOrAppend("operations");
        String interval = options.getOrDefault("interval",
                DefaultOperations.defaultInterval(action));
        var sameInterval = operations.children("op").stream()
                .filter(o -> o.get("name").equals(action)
                        && seconds(o.get("interval")).equals(seconds(interval)))
                .findFirst();
        if (sameInterval.isPresent()) {
            throw new PcsException("operation " + action + " with interval " + interval
                    + " already specified for " + id + ":\n" + describe(sameInterval.get()));
        }
        var same = operations.children("op").stream()
                .filter(o -> o.get("name").equals(action)).findFirst();
        if (same.isPresent() && !edit.force()) {
            throw new PcsException("operation " + action + " already specified for " + id
                    + ", use --force to override:\n" + describe(same.get()));
        }
        operations.append(OperationElements.of(edit, id, action, options));
        edit.changed();
    }

    static void delete(Edit edit, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("usage: pcs resource op delete OPERATION_ID | ID ACTION "
                    + "[NAME=VALUE...]");
        }
        if (words.size() == 1) {
            CibElement op = edit.section("resources").descendants().stream()
                    .filter(e -> e.name().equals("op") && e.get("id").equals(words.getFirst()))
                    .findFirst().orElseThrow(() -> new PcsException(
                            "unable to find operation id: " + words.getFirst()));
            op.detach();
            edit.changed();
            return;
        }
        String id = words.getFirst();
        CibElement primitive = edit.primitive(id);
        Map<String, String> options = NameValueSets.pairs(words.subList(2, words.size()));
        List<CibElement> matching = primitive.child("operations").map(o -> o.children("op"))
                .orElse(List.of()).stream()
                .filter(o -> o.get("name").equals(words.get(1)))
                .filter(o -> options.entrySet().stream()
                        .allMatch(e -> o.get(e.getKey()).equals(e.getValue())))
                .toList();
        if (matching.isEmpty()) {
            throw new PcsException("Unable to find operation matching: " + String.join(" ",
                    words.subList(1, words.size())));
        }
        matching.forEach(CibElement::detach);
        edit.changed();
    }

    /** An interval in seconds, or the text itself when it is not a plain time. */
    private static Object seconds(String interval) {
        return IntervalText.seconds(interval).map(Object.class::cast).orElse(interval);
    }

    /** {@code monitor interval=20s timeout=40s (ID)}, as pcs names an operation. */
    private static String describe(CibElement op) {
        StringBuilder text = new StringBuilder(op.get("name"));
        op.attributes().forEach((name, value) -> {
            if (!name.equals("name") && !name.equals("id")) {
                text.append(' ').append(name).append('=').append(value);
            }
        });
        return text.append(" (").append(op.get("id")).append(')').toString();
    }
}
