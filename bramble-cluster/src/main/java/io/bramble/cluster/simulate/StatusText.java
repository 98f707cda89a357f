package io.bramble.cluster.simulate;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Group;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.model.ResourceMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster's status as crm_simulate (and crm_mon) lists it: the node list, then every
 * resource, groups with their members, highest priority first.
 */
final class StatusText {
    private StatusText() {
    }

    /** The lines under a status heading, for the given primitive-to-node map. */
    static List<String> lines(Cluster cluster, Map<String, String> running) {
        List<String> out = new ArrayList<>();
        out.add("  * Node List:");
        nodeLines(cluster.nodes(), running, Set.of()).forEach(l -> out.add("  " + l));
        out.add("");
        out.add("  * Full List of Resources:");
        resourceLines(cluster, running).forEach(l -> out.add("  " + l));
        return out;
    }

    /** The node list's items as crm_mon prints them under {@code Node List:}. */
    static List<String> nodeLines(Cluster cluster, Map<String, String> running) {
        return nodeLines(cluster.nodes(), running, Set.of());
    }

    /** As crm_mon lists nodes, the offline ones of {@code unclean} as nodes to fence. */
    static List<String> nodeLines(Cluster cluster, Map<String, String> running,
            Set<String> unclean) {
        return nodeLines(cluster.nodes(), running, unclean);
    }

    /** Every resource, groups with their members, as crm_mon prints them. */
    static List<String> resourceLines(Cluster cluster, Map<String, String> running) {
        List<String> out = new ArrayList<>();
        for (Resource r : byPriority(cluster)) {
            switch (r) {
                case Primitive p -> out.add("  * " + line(cluster, p, running));
                case Group g -> {
                    out.add("  * Resource Group: " + g.id() + groupFlags(cluster, g) + ":");
                    g.members().forEach(m -> out.add("    * " + line(cluster, m, running)));
                }
            }
        }
        return out;
    }

    /** A group's own flags, unmanaged before disabled as Pacemaker 2.1.5 lists them. */
    private static String groupFlags(Cluster cluster, Group g) {
        ResourceMeta meta = meta(cluster, g, null);
        List<String> flags = new ArrayList<>();
        if (!meta.managed()) {
            flags.add("unmanaged");
        }
        if (!meta.started()) {
            flags.add("disabled");
        }
        return flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")";
    }

    /** How many primitives are disabled (target-role Stopped, their own or their group's). */
    static long disabledCount(Cluster cluster) {
        long count = 0;
        for (Primitive p : cluster.primitives()) {
            if (!meta(cluster, p, cluster.groupOf(p.id()).orElse(null)).started()) {
                count++;
            }
        }
        return count;
    }

    private static List<String> nodeLines(List<Node> nodes, Map<String, String> running,
            Set<String> unclean) {
        List<String> out = new ArrayList<>();
        List<String> online = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (Node n : nodes) {
            String state = state(n, running, unclean);
            switch (state) {
                case ONLINE -> online.add(n.name());
                case OFFLINE -> offline.add(n.name());
                default -> out.add("  * Node " + n.name() + ": " + state);
            }
        }
        if (!online.isEmpty()) {
            out.add("  * Online: [ " + String.join(" ", online) + " ]");
        }
        if (!offline.isEmpty()) {
            out.add("  * OFFLINE: [ " + String.join(" ", offline) + " ]");
        }
        return out;
    }

    static final String ONLINE = "online";
    static final String OFFLINE = "OFFLINE";

    /**
     * crm_mon's word for a node's state: {@value #ONLINE}, {@code standby}, {@code standby
     * (with active resources)}, {@code OFFLINE (standby)}, {@code UNCLEAN (offline)} (an
     * offline node of {@code unclean}) or {@value #OFFLINE}.
     */
    static String state(Node n, Map<String, String> running, Set<String> unclean) {
        if (n.standby() && n.online()) {
            return "standby" + (running.containsValue(n.name())
                    ? " (with active resources)"
                    : "");
        }
        if (n.standby()) {
            return "OFFLINE (standby)";
        }
        if (n.online()) {
            return ONLINE;
        }
        return unclean.contains(n.name()) ? "UNCLEAN (offline)" : OFFLINE;
    }

    /** Top-level resources by higher priority, otherwise in configuration order. */
    static List<Resource> byPriority(Cluster cluster) {
        List<Resource> sorted = new ArrayList<>(cluster.resources());
        sorted.sort(Comparator.comparingInt(r -> -meta(cluster, r, null).priority()));
        return sorted;
    }

    static ResourceMeta meta(Cluster cluster, Resource r, Group group) {
        List<Map<String, String>> layers = new ArrayList<>();
        layers.add(r.meta());
        if (group != null) {
            layers.add(group.meta());
        }
        layers.add(cluster.defaults().resource());
        return ResourceMeta.resolve(layers);
    }

    private static String line(Cluster cluster, Primitive p, Map<String, String> running) {
        ResourceMeta meta = meta(cluster, p, cluster.groupOf(p.id()).orElse(null));
        String node = running.get(p.id());
        String state = node == null ? "Stopped" : "Started " + node;
        List<String> flags = new ArrayList<>();
        if (!meta.started()) {
            flags.add("disabled");
        }
        // stonith-enabled without a fencing device keeps the engine from acting, but
        // Pacemaker 2.1.5 does not mark the resources unmanaged in its status lists.
        if (!meta.managed()) {
            flags.add("unmanaged");
        }
        String suffix = flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")";
        return p.id() + "\t(" + p.agent() + "):\t " + state + suffix;
    }
}
