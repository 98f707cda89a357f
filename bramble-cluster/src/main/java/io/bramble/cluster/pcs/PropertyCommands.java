package io.bramble.cluster.pcs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code pcs property set NAME=VALUE…}, {@code property unset NAME…} and
 * {@code property [config]}: the cluster options in the {@code cib-bootstrap-options} set.
 */
final class PropertyCommands {
    static final String SET_ID = "cib-bootstrap-options";
    /**
     * The options Pacemaker 2.1.5's daemons describe and pcs 0.11.5 lets users set; others
     * need {@code --force}.
     */
    static final List<String> KNOWN = List.of("batch-limit", "cluster-delay",
            "cluster-ipc-limit", "cluster-recheck-interval", "concurrent-fencing",
            "dc-deadtime", "election-timeout", "enable-acl", "enable-startup-probes",
            "fence-reaction", "join-finalization-timeout", "join-integration-timeout",
            "load-threshold", "maintenance-mode", "migration-limit", "no-quorum-policy",
            "node-action-limit", "node-health-base", "node-health-green", "node-health-red",
            "node-health-strategy", "node-health-yellow", "pe-error-series-max",
            "pe-input-series-max", "pe-warn-series-max", "placement-strategy",
            "priority-fencing-delay", "remove-after-stop", "shutdown-escalation",
            "shutdown-lock", "shutdown-lock-limit", "start-failure-is-fatal",
            "startup-fencing", "stonith-action", "stonith-enabled", "stonith-max-attempts",
            "stonith-timeout", "stonith-watchdog-timeout", "stop-all-resources",
            "stop-orphan-actions", "stop-orphan-resources", "symmetric-cluster",
            "transition-delay");

    private PropertyCommands() {
    }

    static void set(Edit edit, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("usage: pcs property set NAME=VALUE...");
        }
        var values = NameValueSets.pairs(words);
        List<String> problems = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!KNOWN.contains(name)) {
                problems.add("invalid cluster property option '" + name
                        + "', allowed options are: " + quoted(KNOWN));
            }
        }
        CibElement set = propertySet(edit);
        values.forEach((name, value) -> {
            if (value.isEmpty() && NameValueSets.pair(set, name).isEmpty()) {
                problems.add(notPresent(name));
            }
        });
        forceable(edit, problems);
        NameValueSets.update(edit, set, values);
    }

    static void unset(Edit edit, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("usage: pcs property unset NAME...");
        }
        CibElement set = propertySet(edit);
        List<String> problems = new ArrayList<>();
        for (String name : words) {
            if (NameValueSets.pair(set, name).isEmpty()) {
                problems.add(notPresent(name));
            }
        }
        forceable(edit, problems);
        words.forEach(name -> NameValueSets.put(edit, set, name, ""));
    }

    /** {@code Cluster Properties:} then each set property, by name. */
    static void config(Edit edit, List<String> words) {
        if (!words.isEmpty()) {
            throw new PcsException("'pcs property config NAME' is not supported by bramble;"
                    + " run 'pcs property config'");
        }
        edit.out.add("Cluster Properties:");
        properties(edit);
    }

    /** Each set property, {@code  NAME: VALUE}, by name. */
    static void properties(Edit edit) {
        edit.section("crm_config").children("cluster_property_set").stream()
                .filter(s -> s.get("id").equals(SET_ID))
                .flatMap(s -> s.children("nvpair").stream())
                .sorted(Comparator.comparing(p -> p.get("name")))
                .forEach(p -> edit.out.add(" " + p.get("name") + ": " + p.get("value")));
    }

    private static String notPresent(String name) {
        return "Cannot remove property '" + name + "', it is not present in property set '"
                + SET_ID + "'";
    }

    private static CibElement propertySet(Edit edit) {
        CibElement crmConfig = edit.section("crm_config");
        return crmConfig.children("cluster_property_set").stream()
                .filter(s -> s.get("id").equals(SET_ID)).findFirst()
                .orElseGet(() -> crmConfig.insert(0,
                        new CibElement("cluster_property_set", "id", SET_ID)));
    }

    /** Problems {@code --force} turns into warnings, else pcs's errors. */
    static void forceable(Edit edit, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        if (edit.force()) {
            problems.forEach(edit::warn);
            return;
        }
        throw PcsException.checked(problems.stream()
                .map(p -> p + ", use --force to override").toList());
    }

    static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
