package io.bramble.cluster.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code pcs constraint location R prefers|avoids NODE[=SCORE]…},
 * {@code constraint colocation add A with B [SCORE]},
 * {@code constraint order [ACTION] A then [ACTION] B [kind=K] [symmetrical=B]} and
 * {@code constraint remove ID…}, with pcs's ids ({@code location-R-NODE-SCORE},
 * {@code colocation-A-B-SCORE}, {@code order-A-B-KIND}).
 */
final class ConstraintCommands {
    static final String INFINITY = "INFINITY";
    static final Set<String> ACTIONS = Set.of("start", "stop", "promote", "demote");
    static final Set<String> ORDER_OPTIONS = Set.of("kind", "symmetrical", "id");

    private ConstraintCommands() {
    }

    static void location(Edit edit, List<String> words) {
        if (words.size() < 3 || !Set.of("prefers", "avoids").contains(words.get(1))) {
            throw new PcsException("usage: pcs constraint location RESOURCE prefers|avoids "
                    + "NODE[=SCORE]... ('rule' and other forms are not supported by bramble)");
        }
        String resource = words.getFirst();
        edit.warn("Validation for node existence in the cluster will be skipped");
        existing(edit, resource);
        boolean avoids = words.get(1).equals("avoids");
        CibElement constraints = edit.section("constraints");
        for (String spec : words.subList(2, words.size())) {
            int eq = spec.indexOf('=');
            String node = eq < 0 ? spec : spec.substring(0, eq);
            String score = eq < 0 ? INFINITY : spec.substring(eq + 1);
            if (!score.matches("[+-]?(INFINITY|[0-9]+)")) {
                throw new PcsException("invalid score '" + score
                        + "', use integer or INFINITY or -INFINITY");
            }
            if (avoids) {
                score = score.startsWith("-") ? score.substring(1) : "-" + score;
            }
            constraints.children("rsc_location").stream()
                    .filter(c -> c.get("rsc").equals(resource) && c.get("node").equals(node))
                    .forEach(CibElement::detach);
            constraints.append(new CibElement("rsc_location",
                    "id", PcsIds.unique(edit.cib, "location-" + resource + "-" + node + "-"
                            + score),
                    "rsc", resource, "node", node, "score", score));
        }
        edit.changed();
    }

    static void colocationAdd(Edit edit, List<String> words) {
        if (words.size() < 3 || !words.get(1).equals("with") || words.size() > 4) {
            throw new PcsException("usage: pcs constraint colocation add RESOURCE with "
                    + "RESOURCE [SCORE] (roles and options are not supported by bramble)");
        }
        String dependent = words.get(0);
        String primary = words.get(2);
        existing(edit, dependent);
        existing(edit, primary);
        String score = words.size() == 4 ? words.get(3) : INFINITY;
        var duplicate = edit.section("constraints").children("rsc_colocation").stream()
                .filter(c -> c.get("rsc").equals(dependent)
                        && c.get("with-rsc").equals(primary))
                .findFirst();
        if (duplicate.isPresent() && !edit.force()) {
            CibElement c = duplicate.get();
            throw new PcsException("duplicate constraint already exists, use --force to "
                    + "override\n  " + c.get("rsc") + " with " + c.get("with-rsc")
                    + " (score:" + c.get("score") + ") (id:" + c.get("id") + ")");
        }
        edit.section("constraints").append(new CibElement("rsc_colocation",
                "id", PcsIds.unique(edit.cib, "colocation-" + dependent + "-" + primary + "-"
                        + score),
                "rsc", dependent, "with-rsc", primary, "score", score));
        edit.changed();
    }

    static void order(Edit edit, List<String> words) {
        List<String> rest = new ArrayList<>(words);
        String firstAction = takeAction(rest);
        if (rest.size() < 2 || !rest.get(1).equals("then")) {
            throw new PcsException("usage: pcs constraint order [ACTION] RESOURCE then "
                    + "[ACTION] RESOURCE [kind=KIND] [symmetrical=true|false]");
        }
        String first = rest.removeFirst();
        rest.removeFirst();
        String thenAction = takeAction(rest);
        if (rest.isEmpty()) {
            throw new PcsException("usage: pcs constraint order [ACTION] RESOURCE then "
                    + "[ACTION] RESOURCE [kind=KIND] [symmetrical=true|false]");
        }
        String then = rest.removeFirst();
        var options = new LinkedHashMap<>(NameValueSets.pairs(rest));
        for (String name : options.keySet()) {
            if (!ORDER_OPTIONS.contains(name)) {
                throw new PcsException("invalid option '" + name + "', allowed options are: "
                        + "'id', 'kind', 'symmetrical'");
            }
        }
        existing(edit, first);
        existing(edit, then);
        String kind = options.getOrDefault("kind", "Mandatory");
        String id = options.containsKey("id")
                ? options.remove("id")
                : PcsIds.unique(edit.cib, "order-" + first + "-" + then + "-"
                        + (options.containsKey("kind") ? kind : "mandatory"));
        CibElement order = new CibElement("rsc_order", "id", id, "first", first,
                "first-action", firstAction, "then", then, "then-action", thenAction);
        options.forEach(order::set);
        StringBuilder said = new StringBuilder("Adding " + first + " " + then + " (kind: "
                + kind + ") (Options: first-action=" + firstAction + " then-action="
                + thenAction);
        options.forEach((k, v) -> {
            if (!k.equals("kind")) {
                said.append(' ').append(k).append('=').append(v);
            }
        });
        edit.err.add(said.append(')').toString());
        edit.section("constraints").append(order);
        edit.changed();
    }

    static void remove(Edit edit, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("usage: pcs constraint remove ID...");
        }
        for (String id : words) {
            CibElement found = edit.section("constraints").children().stream()
                    .filter(c -> c.get("id").equals(id)).findFirst()
                    .orElseThrow(() -> new PcsException("Unable to find constraint - '" + id
                            + "'"));
            found.detach();
        }
        edit.changed();
    }

    private static String takeAction(List<String> rest) {
        return !rest.isEmpty() && ACTIONS.contains(rest.getFirst())
                ? rest.removeFirst()
                : "start";
    }

    private static void existing(Edit edit, String resource) {
        if (edit.resource(resource).isEmpty()) {
            throw Resources.missing(resource);
        }
    }
}
