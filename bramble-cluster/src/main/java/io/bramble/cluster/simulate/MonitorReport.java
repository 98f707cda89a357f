package io.bramble.cluster.simulate;

import io.bramble.cluster.cib.CibHeader;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Node;
import io.bramble.common.error.UserError;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code crm_mon --one-shot --inactive} prints for a CIB (Pacemaker 2.1.5's text output):
 * the cluster summary, the node list, every resource, stopped ones included, and the failed
 * resource actions. Its default sections also list fencing history, which a CIB bramble reads
 * does not hold. Fail counts kept as node attributes are listed by crm_mon only with
 * {@code --failcounts}.
 */
public final class MonitorReport {
    /** ctime's layout, which crm_mon prints its times in: {@code Sun Dec  6 02:05:27 2026}. */
    public static final DateTimeFormatter CTIME = DateTimeFormatter
            .ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private MonitorReport() {
    }

    /**
     * The report for {@code cluster}.
     *
     * @param now the time printed as Last updated, crm_mon's clock
     * @param zone the time zone crm_mon would print in, the local one
     * @throws UserError if the CIB names a DC that is not one of its nodes, or has an offline
     *     node while fencing is enabled
     */
    public static String render(Cluster cluster, CibHeader header, Instant now, ZoneId zone) {
        return render(cluster, header, now, zone, false);
    }

    /** As {@link #render(Cluster, CibHeader, Instant, ZoneId)}, in full with {@code full}. */
    public static String render(Cluster cluster, CibHeader header, Instant now, ZoneId zone,
            boolean full) {
        refuseUncleanCandidates(cluster);
        return render(cluster, header, now, zone, Set.of(), full);
    }

    /**
     * The report for a cluster whose offline nodes are known to be clean (fenced, or shut down)
     * but for {@code unclean}, shown as crm_mon shows a node it must fence: {@code Node NAME:
     * UNCLEAN (offline)}. The live cluster knows this; a CIB file alone does not.
     */
    public static String render(Cluster cluster, CibHeader header, Instant now, ZoneId zone,
            Set<String> unclean) {
        return render(cluster, header, now, zone, unclean, false);
    }

    /**
     * With {@code full}, what {@code crm_mon --show-detail --show-node-attributes --failcounts}
     * prints ({@code pcs status --full}): node ids, a line for each node, the Migration
     * Summary of fail counts, and each failed action's call, status and times.
     */
    public static String render(Cluster cluster, CibHeader header, Instant now, ZoneId zone,
            Set<String> unclean, boolean full) {
        List<String> out = new ArrayList<>();
        out.add("Cluster Summary:");
        out.add("  * Stack: " + header.stack().orElse("unknown"));
        out.add("  * Current DC: " + dc(cluster, header, full));
        out.add("  * Last updated: " + CTIME.format(now.atZone(zone)));
        out.add("  * Last change:  " + lastChange(header));
        out.add("  * " + counted(cluster.nodes().size(), "node") + " configured");
        long disabled = StatusText.disabledCount(cluster);
        out.add("  * " + counted(cluster.primitives().size(), "resource instance")
                + " configured" + (disabled > 0 ? " (" + disabled + " DISABLED)" : ""));
        out.add("");
        out.add("Node List:");
        out.addAll(full
                ? DetailedLines.nodes(cluster, unclean)
                : StatusText.nodeLines(cluster, cluster.status().running(), unclean));
        out.add("");
        out.add("Full List of Resources:");
        List<String> resources = StatusText.resourceLines(cluster, cluster.status().running());
        out.addAll(resources.isEmpty() ? List.of("  * No resources") : resources);
        if (full && cluster.nodes().stream().anyMatch(Node::online)) {
            out.add("");
            out.add("Migration Summary:");
            out.addAll(DetailedLines.migrationSummary(cluster, zone));
        }
        List<String> failed = FailedActionLines.lines(cluster, now, zone, full);
        if (!failed.isEmpty()) {
            out.add("");
            out.add("Failed Resource Actions:");
            out.addAll(failed);
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * With fencing enabled crm_mon shows an offline node as {@code UNCLEAN (offline)} unless
     * its node_state records a clean shutdown, and one without a node_state as unclean too
     * (startup-fencing); the model keeps only whether a node is online, so such a node is
     * refused rather than shown as OFFLINE.
     */
    private static void refuseUncleanCandidates(Cluster cluster) {
        if (!cluster.properties().stonithEnabled()) {
            return;
        }
        cluster.nodes().stream().filter(n -> !n.online()).findFirst().ifPresent(n -> {
            throw UserError.usage("node " + n.name() + " is offline with stonith-enabled=true:"
                    + " telling OFFLINE from UNCLEAN (offline) as crm_mon does is not"
                    + " supported; set stonith-enabled=false");
        });
    }

    private static String dc(Cluster cluster, CibHeader header, boolean full) {
        if (header.dcNodeId().isEmpty()) {
            return "NONE";
        }
        String id = header.dcNodeId().get();
        String name = cluster.nodes().stream().filter(n -> n.id().equals(id)).map(Node::name)
                .findFirst().orElseThrow(() -> UserError.usage("dc-uuid " + id + " is not a"
                        + " node in <nodes>: a DC outside the node list is not supported"));
        return name + (full ? " (" + id + ")" : "") + " (version "
                + header.dcVersion().orElse("unknown") + ") - partition "
                + (cluster.status().quorate() ? "with" : "WITHOUT") + " quorum";
    }

    /** The CIB's own record of its last change, as crm_mon words it. */
    private static String lastChange(CibHeader header) {
        return header.lastWritten().orElse("")
                + header.updateUser().map(u -> " by " + u).orElse("")
                + header.updateClient().map(c -> " via " + c).orElse("")
                + header.updateOrigin().map(o -> " on " + o).orElse("");
    }

    private static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
