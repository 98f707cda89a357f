package io.bramble.cluster.pcs;

import io.bramble.cluster.cib.CibHeader;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.simulate.MonitorReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code pcs status} prints for a CIB (pcs 0.11.5): {@code Cluster name:}, the warnings
 * pcs finds in the CIB, then crm_mon's {@code --one-shot --inactive} text. The Daemon Status
 * section pcs adds on a live cluster is left out, as pcs leaves it out for a file.
 */
public final class PcsStatus {
    /** pcs's prefixes of the location constraints that move and ban commands leave. */
    private static final List<String> MOVE_CONSTRAINT_PREFIXES = List.of("cli-prefer-",
            "cli-ban-");

    private PcsStatus() {
    }

    /**
     * The status text. pcs takes the name from corosync.conf ({@code pcs -f} requires
     * {@code --corosync_conf}); bramble takes the CIB's cluster-name, which Pacemaker copies
     * from corosync.conf on a live cluster. Without one the line reads {@code Cluster name: },
     * as pcs prints it for a corosync.conf without a name.
     *
     * @param now the time crm_mon's Last updated shows
     * @param zone the time zone it is shown in
     */
    public static String render(Cluster cluster, CibHeader header, Instant now, ZoneId zone) {
        return render(cluster, header, now, zone, false);
    }

    /**
     * With {@code full}, {@code pcs status --full}: crm_mon's text in full ({@link
     * MonitorReport}) and pcs's empty {@code Tickets:} part (bramble has no tickets).
     */
    public static String render(Cluster cluster, CibHeader header, Instant now, ZoneId zone,
            boolean full) {
        return head(cluster, header) + MonitorReport.render(cluster, header, now, zone, full)
                + tail(full);
    }

    /**
     * As {@link #render(Cluster, CibHeader, Instant, ZoneId)} for a cluster whose offline nodes
     * are clean but for {@code unclean} ({@link MonitorReport}).
     */
    public static String render(Cluster cluster, CibHeader header, Instant now, ZoneId zone,
            Set<String> unclean, boolean full) {
        return head(cluster, header) + MonitorReport.render(cluster, header, now, zone,
                unclean, full) + tail(full);
    }

    private static String tail(boolean full) {
        return full ? "\nTickets:\n" : "";
    }

    private static String head(Cluster cluster, CibHeader header) {
        List<String> out = new ArrayList<>();
        out.add("Cluster name: " + header.clusterName().orElse(""));
        List<String> warnings = warnings(cluster);
        if (!warnings.isEmpty()) {
            out.add("");
            out.add("WARNINGS:");
            out.addAll(warnings);
            out.add("");
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * {@code pcs status resources} (and {@code pcs resource status}) from the whole status
     * text: the lines under {@code Full List of Resources:} but the fence devices', or pcs's
     * line when there are none.
     */
    public static String resourcesOnly(String status) {
        return listed(status, false, "NO resources configured");
    }

    /**
     * {@code pcs stonith status} from the whole status text: the fence devices' lines under
     * {@code Full List of Resources:}, or pcs's line when there are none (and no fencing
     * levels, which bramble does not have).
     */
    public static String stonithOnly(String status) {
        return listed(status, true, "NO stonith devices configured");
    }

    /**
     * {@code pcs status nodes}: the nodes by state, as pcs sorts crm_mon's node list into
     * Online, Standby, Standby with resource(s) running, Maintenance and Offline, then the
     * same five for Pacemaker Remote nodes (which bramble does not have).
     */
    public static String nodes(Cluster cluster) {
        List<String> online = new ArrayList<>();
        List<String> standby = new ArrayList<>();
        List<String> standbyRunning = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (Node n : cluster.nodes()) {
            if (!n.online()) {
                offline.add(n.name());
            } else if (!n.standby()) {
                online.add(n.name());
            } else if (cluster.status().running().containsValue(n.name())) {
                standbyRunning.add(n.name());
            } else {
                standby.add(n.name());
            }
        }
        List<String> out = new ArrayList<>();
        out.add("Pacemaker Nodes:");
        out.addAll(nodeStates(online, standby, standbyRunning, offline));
        out.add("Pacemaker Remote Nodes:");
        out.addAll(nodeStates(List.of(), List.of(), List.of(), List.of()));
        return String.join("\n", out) + "\n";
    }

    private static List<String> nodeStates(List<String> online, List<String> standby,
            List<String> standbyRunning, List<String> offline) {
        return List.of(named(" Online:", online), named(" Standby:", standby),
                named(" Standby with resource(s) running:", standbyRunning),
                named(" Maintenance:", List.of()), named(" Offline:", offline));
    }

    private static String named(String label, List<String> names) {
        return names.isEmpty() ? label : label + " " + String.join(" ", names);
    }

    /** The resource lines that name a fence device ({@code stonith}) or the others. */
    private static String listed(String status, boolean stonith, String none) {
        List<String> lines = status.lines().toList();
        int start = lines.indexOf("Full List of Resources:");
        List<String> resources = new ArrayList<>();
        for (int i = start + 1; start >= 0 && i < lines.size() && !lines.get(i).isEmpty(); i++) {
            if (lines.get(i).contains("stonith:") == stonith) {
                resources.add(lines.get(i));
            }
        }
        if (resources.isEmpty() || resources.equals(List.of("  * No resources"))) {
            return none + "\n";
        }
        return String.join("\n", resources) + "\n";
    }

    /** The warnings pcs can find in a CIB alone; the ones that need corosync.conf are not. */
    static List<String> warnings(Cluster cluster) {
        List<String> out = new ArrayList<>();
        if (cluster.properties().stonithEnabled() && cluster.fenceDevices().isEmpty()) {
            out.add("No stonith devices and stonith-enabled is not false");
        }
        TreeSet<String> moved = new TreeSet<>();
        cluster.constraints().forEach(c -> {
            if (c instanceof LocationConstraint l && MOVE_CONSTRAINT_PREFIXES.stream()
                    .anyMatch(l.id()::startsWith)) {
                moved.add("'" + l.resource() + "'");
            }
        });
        if (!moved.isEmpty()) {
            out.add("Following resources have been moved and their move constraints are still"
                    + " in place: " + String.join(", ", moved));
            out.add("Run 'pcs constraint location' or 'pcs resource clear <resource id>' to view"
                    + " or remove the constraints, respectively");
        }
        return out;
    }
}
