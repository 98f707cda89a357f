package io.bramble.cluster.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pcs constraint [config] [--full]}: locations by resource (the nodes it is enabled
 * on, then those it is disabled on), orders, colocations, and the ticket heading; with
 * {@code --full}, each constraint's id.
 */
final class ConstraintListing {
    private ConstraintListing() {
    }

    static void list(Edit edit, List<String> words) {
        if (!words.isEmpty()) {
            throw new PcsException("only 'pcs constraint [config] [--full]' without other "
                    + "words is supported by bramble");
        }
        boolean full = edit.options.has("--full");
        List<CibElement> constraints = edit.section("constraints").children();
        edit.out.add("Location Constraints:");
        Map<String, List<CibElement>> byResource = new LinkedHashMap<>();
        constraints.stream().filter(c -> c.name().equals("rsc_location"))
                .forEach(c -> byResource.computeIfAbsent(c.get("rsc"), r -> new ArrayList<>())
                        .add(c));
        byResource.forEach((resource, locations) -> {
            edit.out.add("  Resource: " + resource);
            nodes(edit, "Enabled on:", locations.stream()
                    .filter(l -> !l.get("score").startsWith("-")).toList(), full);
            nodes(edit, "Disabled on:", locations.stream()
                    .filter(l -> l.get("score").startsWith("-")).toList(), full);
        });
        edit.out.add("Ordering Constraints:");
        constraints.stream().filter(c -> c.name().equals("rsc_order")).forEach(o -> edit.out
                .add("  " + o.attribute("first-action").orElse("start") + " " + o.get("first")
                        + " then " + o.attribute("then-action").orElse("start") + " "
                        + o.get("then") + " (kind:" + o.attribute("kind").orElse("Mandatory")
                        + ")" + (o.get("symmetrical").equals("false")
                                ? " (non-symmetrical)"
                                : "")
                        + id(o, full)));
        edit.out.add("Colocation Constraints:");
        constraints.stream().filter(c -> c.name().equals("rsc_colocation")).forEach(
                c -> edit.out.add("  " + c.get("rsc") + " with " + c.get("with-rsc") + " (score:"
                        + c.get("score") + ")" + id(c, full)));
        edit.out.add("Ticket Constraints:");
    }

    private static void nodes(Edit edit, String heading, List<CibElement> locations,
            boolean full) {
        if (locations.isEmpty()) {
            return;
        }
        edit.out.add("    " + heading);
        locations.forEach(l -> edit.out.add("      Node: " + l.get("node") + " (score:"
                + l.get("score") + ")" + id(l, full)));
    }

    /** With {@code --full}, each constraint's id after it. */
    private static String id(CibElement constraint, boolean full) {
        return full ? " (id:" + constraint.get("id") + ")" : "";
    }
}
