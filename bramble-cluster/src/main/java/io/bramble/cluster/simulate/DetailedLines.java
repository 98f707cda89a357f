package io.bramble.cluster.simulate;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.ResourceMeta;
import io.bramble.cluster.model.Score;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts crm_mon prints otherwise with {@code --show-detail --failcounts} (Pacemaker
 * 2.1.5): a line for each node with its id, and the Migration Summary.
 */
final class DetailedLines {
    /**
     * What crm_mon shows of a node that does not publish its feature set ({@code
     * #feature-set}, which bramble's nodes, being no Pacemaker controllers, do not).
     */
    private static final String FEATURE_SET = "feature set <3.15.1";

    private DetailedLines() {
    }

    /** {@code * Node web1 (1): online, feature set <3.15.1}, each node in turn. */
    static List<String> nodes(Cluster cluster, Set<String> unclean) {
        List<String> out = new ArrayList<>();
        for (Node n : cluster.nodes()) {
            String state = StatusText.state(n, cluster.status().running(), unclean);
            if (n.online()) {
                state += ", " + FEATURE_SET;
            }
            out.add("  * Node " + n.name() + " (" + n.id() + "): " + state);
        }
        return out;
    }

    /**
     * Under each online node, the resources that ran there and have fail counts there:
     * {@code * db: migration-threshold=3 fail-count=3 last-failure='Tue Nov 14 22:11:40 2023'},
     * the counts of all its operations added up (INFINITY at most).
     */
    static List<String> migrationSummary(Cluster cluster, ZoneId zone) {
        List<String> out = new ArrayList<>();
        for (Node n : cluster.nodes()) {
            if (!n.online()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (String resource : cluster.status().history().getOrDefault(n.name(), Set.of())) {
                int count = 0;
                long last = 0;
                for (FailCount f : cluster.status().failCounts()) {
                    if (f.resource().equals(resource) && f.node().equals(n.name())) {
                        count = Score.add(count, f.count());
                        last = Math.max(last, f.lastFailureEpochSeconds());
                    }
                }
                if (count <= 0) {
                    continue;
                }
                int threshold = cluster.metaOf(resource).map(ResourceMeta::migrationThreshold)
                        .orElse(Score.INFINITY);
                lines.add("    * " + resource + ": migration-threshold=" + threshold
                        + " fail-count=" + count + " last-failure='" + MonitorReport.CTIME
                                .format(Instant.ofEpochSecond(last).atZone(zone))
                        + "'");
            }
            if (!lines.isEmpty()) {
                out.add("  * Node: " + n.name() + " (" + n.id() + "):");
                out.addAll(lines);
            }
        }
        return out;
    }
}
