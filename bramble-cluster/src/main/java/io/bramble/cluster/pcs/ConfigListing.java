package io.bramble.cluster.pcs;

import java.util.List;
import java.util.function.Consumer;

/**
 * {@code pcs config [show]}: the whole configuration in pcs's sections, each made by the
 * command that lists it alone (resources and fence devices as {@code resource config} and
 * {@code stonith config}, constraints as {@code constraint --full}, the defaults, the cluster
 * properties), between the cluster's name and nodes and the empty sections bramble has no
 * counterpart for (fencing levels, alerts, tags, corosync's quorum options).
 */
final class ConfigListing {
    private ConfigListing() {
    }

    static void show(Edit edit, List<String> words) {
        if (!words.isEmpty()) {
            throw new PcsException("'pcs config " + String.join(" ", words) + "' is not "
                    + "supported by bramble; run 'pcs config'");
        }
        edit.out.add("Cluster Name: " + clusterName(edit));
        List<String> nodes = edit.section("nodes").children("node").stream()
                .map(n -> n.get("uname")).sorted().toList();
        // The pool's members are the cluster's membership (corosync's nodes); with -f there
        // is no pool, as pcs on a machine without corosync.conf.
        edit.out.add("Corosync Nodes:");
        if (edit.options.file().isEmpty() && !nodes.isEmpty()) {
            edit.out.add(" " + String.join(" ", nodes));
        }
        edit.out.add("Pacemaker Nodes:");
        if (!nodes.isEmpty()) {
            edit.out.add(" " + String.join(" ", nodes));
        }
        edit.out.add("");
        edit.out.add("Resources:");
        indented(edit, "  ", e -> ResourceConfig.show(e, List.of()));
        edit.out.add("");
        edit.out.add("Stonith Devices:");
        indented(edit, "  ", e -> ResourceConfig.stonith(e, List.of()));
        edit.out.add("Fencing Levels:");
        edit.out.add("");
        indented(edit, "", e -> ConstraintListing.list(e, List.of()));
        edit.out.add("");
        edit.out.add("Alerts:");
        edit.out.add(" No alerts defined");
        edit.out.add("");
        edit.out.add("Resources Defaults:");
        indented(edit, "  ", e -> DefaultsCommands.list(e, "rsc_defaults"));
        edit.out.add("Operations Defaults:");
        indented(edit, "  ", e -> DefaultsCommands.list(e, "op_defaults"));
        edit.out.add("");
        edit.out.add("Cluster Properties:");
        PropertyCommands.properties(edit);
        edit.out.add("");
        edit.out.add("Tags:");
        edit.out.add(" No tags defined");
        edit.out.add("");
        edit.out.add("Quorum:");
        edit.out.add("  Options:");
    }

    /** The CIB's {@code cluster-name} property, as pcs falls back to it; empty without. */
    private static String clusterName(Edit edit) {
        return edit.section("crm_config").children("cluster_property_set").stream()
                .flatMap(s -> s.children("nvpair").stream())
                .filter(p -> p.get("name").equals("cluster-name")).map(p -> p.get("value"))
                .findFirst().orElse("");
    }

    /** What {@code listing} prints, each line after {@code indent}. */
    private static void indented(Edit edit, String indent, Consumer<Edit> listing) {
        Edit part = edit.withFull();
        listing.accept(part);
        part.out.forEach(line -> edit.out.add(indent + line));
    }
}
