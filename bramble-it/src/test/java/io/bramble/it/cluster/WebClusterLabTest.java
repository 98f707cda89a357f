package io.bramble.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
