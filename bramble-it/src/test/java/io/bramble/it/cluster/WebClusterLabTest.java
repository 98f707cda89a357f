package io.bramble.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 003's web cluster on bramble: two nodes and a witness in a network lab, the pcs
 * sequence run through {@code bramble}, Debian's IPaddr2 and nginx agents for real, and a
 * client polling the floating IP while the node that serves it dies. Needs root, the
 * resource-agents package and nginx (skipped otherwise).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WebClusterLabTest {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void theSurvivorServesTheFloatingIpWhenEverythingOnItsNodeIsKilled() throws Exception {
        WebClusterLab.assumeAgents();
        try (WebClusterLab lab = WebClusterLab.open(cluster)) {
            assertThat(lab.createWebApp())
                    .contains("  Resource: WebApp\n    Enabled on:\n      Node: web1 (score:50)\n");
            try (VipWatch watch = lab.watch()) {
                String holder = awaitServedFromOne(watch, PATIENCE);
                String survivor = holder.equals("web1") ? "web2" : "web1";
                // the page may be served before the coordinator's record of the start is
                String status = lab.awaitStatus(survivor, "    * AppWebServer\t"
                        + "(ocf:heartbeat:nginx):\t Started " + holder, PATIENCE);
                System.out.println(status);
                assertThat(status).contains("  * Resource Group: WebApp:\n")
                        .contains("    * AppIP\t(ocf:heartbeat:IPaddr2):\t Started " + holder)
                        .contains("    * AppWebServer\t(ocf:heartbeat:nginx):\t Started "
                                + holder);

                long fault = System.nanoTime();
                Faults.killEverything(lab.nodes().host(holder));
                Faults.linkDown(lab.nodes().host(holder));
                awaitServedFrom(watch, survivor, PATIENCE);
                watch.awaitPolls(10);
                DrillReport report = watch.report("kill -9 of everything on " + holder
                        + ", its cable pulled", fault, Set.of(holder));
                System.out.println(report.line());
                assertThat(report.movedTo()).contains(survivor);
                assertThat(report.overlapPolls()).as(report.line()).isZero();
                lab.awaitStatus(survivor, "    * AppWebServer\t(ocf:heartbeat:nginx):\t Started "
                        + survivor, PATIENCE);
            }
        }
    }

    /**
     * With fencing on, the cable of the coordinator's node is pulled: that node reaches no
     * majority, so it fences no one (a cut-off coordinator that fenced the nodes it lost would
     * power off the side that still has the majority); the other side fences it if it is a web
     * node, and serves the page from a node that was never fenced.
     */
    @Test
    void aCoordinatorCutOffFencesNoOneAndTheMajorityServes() throws Exception {
        WebClusterLab.assumeAgents();
        try (WebClusterLab lab = WebClusterLab.open(cluster)) {
            lab.createWebApp();
            String web1 = WebClusterLab.NODES.get(0);
            String web2 = WebClusterLab.NODES.get(1);
            lab.cli(web1, "stonith", "create", "lab", "fence_bramble_lab", "kind=netns",
                    "pcmk_host_map=" + web1 + ":" + lab.nodes().host(web1).namespace() + ";"
                            + web2 + ":" + lab.nodes().host(web2).namespace());
            lab.cli(web1, "property", "set", "stonith-enabled=true");
            try (VipWatch watch = lab.watch()) {
                String holder = awaitServedFromOne(watch, PATIENCE);
                String status = lab.awaitStatus(holder, "(stonith:fence_bramble_lab):\t Started",
                        PATIENCE);
                Matcher dc = Pattern.compile("Current DC: (\\S+)").matcher(status);
                assertThat(dc.find()).as(status).isTrue();
                String cut = dc.group(1);
                String server = cut.equals(holder)
                        ? (holder.equals(web1) ? web2 : web1)
                        : holder;
                Faults.linkDown(lab.nodes().host(cut));
                awaitServedFrom(watch, server, PATIENCE);
                // long enough for a cut-off coordinator to have fenced what it lost
                PoolNodes.sleep(5_000);
                awaitServedFrom(watch, server, PATIENCE);
                for (String node : List.of(web1, web2, WebClusterLab.WITNESS)) {
                    if (!node.equals(cut)) {
                        assertThat(lab.nodes().node(node).handle().isAlive())
                                .as(node + " was not fenced (the cut node was " + cut + ")")
                                .isTrue();
                    }
                }
                System.out.println("the cut coordinator " + cut + " fenced no one; "
                        + server + " serves");
            }
        }
    }

    /** Waits for a poll that got the page while one node held the address; that node. */
    static String awaitServedFromOne(VipWatch watch, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<VipWatch.Sample> samples = watch.samples();
            if (!samples.isEmpty()) {
                VipWatch.Sample last = samples.getLast();
                if (last.served() && last.holders().size() == 1) {
                    return last.holders().getFirst();
                }
            }
            watch.awaitPolls(1);
        }
        throw new AssertionError("the floating IP never served the page; last polls: "
                + tail(watch));
    }

    /** Waits for a poll that got the page while {@code node} held the address. */
    static void awaitServedFrom(VipWatch watch, String node, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<VipWatch.Sample> samples = watch.samples();
            VipWatch.Sample last = samples.getLast();
            if (last.served() && last.holders().contains(node)) {
                return;
            }
            watch.awaitPolls(1);
        }
        throw new AssertionError("the floating IP never served the page from " + node
                + "; last polls: " + tail(watch));
    }

    private static List<VipWatch.Sample> tail(VipWatch watch) {
        List<VipWatch.Sample> samples = watch.samples();
        return samples.subList(Math.max(0, samples.size() - 5), samples.size());
    }
}
