package io.bramble.cluster.live;

import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.Score;
import io.bramble.cluster.pcs.PcsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code pcs resource failcount show [RESOURCE] [node=NODE]}: the fail counts the coordinator
 * recorded, summed per resource and node as pcs prints them ("Failcounts for resource 'db'",
 * then {@code   node2: 3}, INFINITY once any is). Pure.
 */
public final class FailcountListing {
    private FailcountListing() {
    }

    /** The lines for the words after {@code failcount show}. */
    public static List<String> show(List<FailCount> counts, List<String> words) {
        Optional<String> resource = Optional.empty();
        Optional<String> node = Optional.empty();
        for (String word : words) {
            if (word.startsWith("node=")) {
                node = Optional.of(word.substring("node=".length()));
            } else if (!word.contains("=") && !word.startsWith("-") && resource.isEmpty()) {
                resource = Optional.of(word);
            } else {
                throw new PcsException("'" + word + "' is not supported by bramble; usage: pcs"
                        + " resource failcount show [RESOURCE] [node=NODE]");
            }
        }
        TreeMap<String, TreeMap<String, Integer>> sums = new TreeMap<>();
        for (FailCount f : counts) {
            if (resource.map(f.resource()::equals).orElse(true) && node.map(f.node()::equals)
                    .orElse(true) && f.count() > 0) {
                sums.computeIfAbsent(f.resource(), r -> new TreeMap<>()).merge(f.node(),
                        f.count(), Score::add);
            }
        }
        List<String> out = new ArrayList<>();
        if (sums.isEmpty()) {
            out.add(headline("No failcounts", resource, node));
            return out;
        }
        Optional<String> onNode = node;
        sums.forEach((r, byNode) -> {
            out.add(headline("Failcounts", Optional.of(r), onNode));
            byNode.forEach((n, count) -> out.add("  " + n + ": " + (count >= Score.INFINITY
                    ? "INFINITY"
                    : Integer.toString(count))));
        });
        return out;
    }

    private static String headline(String start, Optional<String> resource,
            Optional<String> node) {
        List<String> parts = new ArrayList<>(List.of(start));
        resource.ifPresent(r -> parts.add("for resource '" + r + "'"));
        node.ifPresent(n -> parts.add("on node '" + n + "'"));
        return String.join(" ", parts);
    }
}
