package io.bramble.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.process.ManagedProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 002's failure drill on seed 003's web cluster ({@link WebClusterLab}): the node serving
 * the floating IP is stopped gracefully, cut off (its cable pulled), and has its daemon alone
 * killed with kill -9; after each, the node comes back and the drill goes on from wherever
 * the group then runs. Each fault prints what the polling client saw. Needs root,
 * resource-agents and nginx (skipped otherwise).
 */
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class HeartbeatDrillLabTest {
    private static final Duration PATIENCE = WebClusterLabTest.PATIENCE;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void theFloatingIpMovesOnEachFaultOfSeed002sDrill() throws Exception {
        WebClusterLab.assumeAgents();
        List<DrillReport> reports = new ArrayList<>();
        try (WebClusterLab lab = WebClusterLab.open(cluster); VipWatch watch = lab.watch()) {
            lab.createWebApp();

            String holder = steady(lab, watch);
            long fault = System.nanoTime();
            lab.nodes().node(holder).stop();
            DrillReport stop = after(lab, watch, "graceful stop of bramble node on " + holder,
                    fault, holder, Set.of());
            reports.add(stop);
            lab.nodes().restart(holder);

            holder = steady(lab, watch);
            fault = System.nanoTime();
            Faults.linkDown(lab.nodes().host(holder));
            DrillReport cut = after(lab, watch, "cable of " + holder + " pulled", fault, holder,
                    Set.of());
            reports.add(cut);
            Faults.linkUp(lab.nodes().host(holder));

            holder = steady(lab, watch);
            fault = System.nanoTime();
            ManagedProcess daemon = lab.nodes().node(holder);
            Faults.kill9(daemon);
            // Its keeper stops its resources (the address goes) at once; the survivor takes
            // the address once the killed node's lease has certainly ended.
            String survivor = other(holder);
            awaitHeldBy(watch, survivor, PATIENCE);
            watch.awaitPolls(50);
            DrillReport daemonKill = watch.report("kill -9 of bramble node alone on " + holder,
                    fault, Set.of());
            reports.add(daemonKill);
            assertThat(daemonKill.movedTo()).as(daemonKill.line()).contains(survivor);
            lab.nodes().restart(holder);
            steady(lab, watch);

            assertThat(stop.overlapPolls()).as(stop.line()).isZero();
            assertThat(cut.overlapPolls()).as(cut.line()).isZero();
            assertThat(daemonKill.overlapPolls()).as(daemonKill.line()).isZero();
        } finally {
            reports.forEach(r -> System.out.println(r.line()));
        }
    }

    /**
     * Waits until the page is served by one node and both nodes are online with the group
     * started; that node.
     */
    private static String steady(WebClusterLab lab, VipWatch watch) {
        String holder = WebClusterLabTest.awaitServedFromOne(watch, PATIENCE);
        lab.awaitStatus(holder, "  * Online: [ web1 web2 ]\n", PATIENCE);
        holder = WebClusterLabTest.awaitServedFromOne(watch, PATIENCE);
        lab.awaitStatus(holder, "AppWebServer\t(ocf:heartbeat:nginx):\t Started " + holder,
                PATIENCE);
        watch.awaitPolls(25);
        return WebClusterLabTest.awaitServedFromOne(watch, PATIENCE);
    }

    /** Waits until the other node serves the page, then reports from {@code faultNanos}. */
    private static DrillReport after(WebClusterLab lab, VipWatch watch, String fault,
            long faultNanos, String holder, Set<String> gone) {
        String survivor = other(holder);
        WebClusterLabTest.awaitServedFrom(watch, survivor, PATIENCE);
        watch.awaitPolls(50);
        DrillReport report = watch.report(fault, faultNanos, gone);
        assertThat(report.movedTo()).as(report.line()).contains(survivor);
        return report;
    }

    private static String other(String node) {
        return node.equals("web1") ? "web2" : "web1";
    }

    private static void awaitHeldBy(VipWatch watch, String node, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!watch.samples().getLast().holders().contains(node)) {
            assertThat(System.nanoTime()).as("the address on " + node).isLessThan(end);
            watch.awaitPolls(1);
        }
    }
}
