package io.bramble.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 003's pcs recipe typed through {@code bramble pcs} on two nodes and a witness, with
 * Dummy standing in for IPaddr2 and apache (which need root; the namespace lab runs those):
 * host auth makes the pool, cluster setup names the cluster, the group starts on one node and
 * {@code resource refresh} probes it again where it runs and {@code resource move} takes it to
 * the other, leaving no constraint.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PcsRecipeTest {
    /** Both members of the group started, on one node (once the group brought them together). */
    private static final Pattern STARTED = Pattern.compile("\\* AppIP\\t"
            + "\\(ocf:heartbeat:Dummy\\):\\t Started (gluster[12])\\.local\\n    \\* AppWebServer"
            + "\\t\\(ocf:heartbeat:Dummy\\):\\t Started \\1\\.local\\n");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @Test
    void seed003sLinesBuildTheClusterAndMoveItsGroup() {
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "witness1");
        assertThat(pool.ok("gluster1", "pcs", "host", "auth", "gluster1.local",
                "gluster2.local", "-u", "hacluster")).isEqualTo("gluster1.local: Authorized\n"
                        + "gluster2.local: Authorized\n");
        pool.probeAll("gluster1", "witness1");
        assertThat(pool.ok("gluster1", "pcs", "cluster", "setup", "webapp", "gluster1.local",
                "gluster2.local")).isEqualTo("Cluster has been successfully set up.\n");
        assertThat(pool.ok("gluster1", "pcs", "cluster", "start", "--all")).isEqualTo(
                "gluster1.local: Starting Cluster...\ngluster2.local: Starting Cluster...\n");
        pool.ok("gluster1", "pcs", "property", "set", "stonith-enabled=false");
        pool.ok("gluster1", "pcs", "resource", "create", "AppIP", "ocf:heartbeat:Dummy", "op",
                "monitor", "interval=15s");
        pool.ok("gluster1", "pcs", "resource", "create", "AppWebServer",
                "ocf:heartbeat:Dummy", "op", "monitor", "interval=15s");
        pool.ok("gluster1", "pcs", "resource", "group", "add", "WebApp", "AppIP");
        pool.ok("gluster1", "pcs", "resource", "group", "add", "WebApp", "AppWebServer");

        String status = awaitStatus(pool, STARTED);
        assertThat(status).startsWith("Cluster name: webapp\n").contains(
                "  * Resource Group: WebApp:\n");
        Matcher on = STARTED.matcher(status);
        assertThat(on.find()).isTrue();
        String first = on.group(1);
        String other = first.equals("gluster1") ? "gluster2" : "gluster1";

        assertThat(pool.ok("gluster1", "pcs", "resource", "refresh", "AppWebServer"))
                .isEqualTo("Cleaned up AppWebServer on gluster1.local\nCleaned up AppWebServer"
                        + " on gluster2.local\n");
        assertThat(awaitStatus(pool, STARTED)).contains("Started " + first + ".local");
        assertThat(pool.ok("gluster1", "pcs", "resource", "failcount", "show", "AppWebServer"))
                .isEqualTo("No failcounts for resource 'AppWebServer'\n");

        PoolNodes.Result move = pool.run("gluster2", "pcs", "resource", "move", "WebApp",
                other + ".local");
        assertThat(move.exit()).as(move.toString()).isZero();
        assertThat(move.err()).endsWith("resource 'WebApp' is running on node '" + other
                + ".local'\n");
        assertThat(pool.ok("gluster1", "pcs", "constraint")).doesNotContain("cli-");
        assertThat(pool.ok("gluster2", "pcs", "resource", "status")).isEqualTo(
                "  * Resource Group: WebApp:\n    * AppIP\t(ocf:heartbeat:Dummy):\t Started "
                        + other + ".local\n    * AppWebServer\t(ocf:heartbeat:Dummy):\t Started "
                        + other + ".local\n");
        assertThat(pool.ok("gluster1", "pcs", "status")).contains("* AppWebServer\t"
                + "(ocf:heartbeat:Dummy):\t Started " + other + ".local\n");

        assertThat(pool.ok("gluster1", "pcs", "resource", "restart", "WebApp")).isEqualTo(
                "WebApp successfully restarted\n");
        assertThat(STARTED.matcher(awaitStatus(pool, STARTED)).find()).as("started again")
                .isTrue();
        assertThat(pool.ok("gluster1", "pcs", "resource", "config", "WebApp")).doesNotContain(
                "target-role");

        PoolNodes.Result stop = pool.run("gluster1", "pcs", "cluster", "stop", "--all");
        assertThat(stop.exit()).isEqualTo(1);
        assertThat(stop.err()).contains("'pcs cluster stop' is not supported by bramble");
        assertThat(pool.ok("gluster1", "pcs", "quorum", "status")).contains(
                "Quorate:          Yes\n", "Expected votes:   3\n", "Quorum:           2\n",
                "         1          1 gluster1.local (local)\n",
                "         3          1 witness1.local (witness)\n");
        assertThat(pool.ok("gluster1", "pcs", "config")).startsWith("Cluster Name: webapp\n"
                + "Corosync Nodes:\n gluster1.local gluster2.local\nPacemaker Nodes:\n"
                + " gluster1.local gluster2.local\n\nResources:\n  Group: WebApp\n"
                + "    Resource: AppIP (class=ocf provider=heartbeat type=Dummy)\n").contains(
                        "\nCluster Properties:\n", " stonith-enabled: false\n");

        String copy = dir.resolve("web.xml").toString();
        assertThat(pool.ok("gluster1", "pcs", "cluster", "cib", copy)).isEmpty();
        pool.ok("gluster1", "pcs", "-f", copy, "resource", "create", "Extra",
                "ocf:heartbeat:Dummy");
        assertThat(pool.ok("gluster2", "pcs", "cluster", "cib-push", copy)).isEqualTo(
                "CIB updated\n");
        assertThat(awaitStatus(pool, Pattern.compile("\\* Extra\\t\\(ocf:heartbeat:Dummy\\):"
                + "\\t Started"))).contains("* Resource Group: WebApp:");
        PoolNodes.Result again = pool.run("gluster1", "pcs", "cluster", "cib-push", copy);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("Error: Unable to push to the CIB because pushed"
                + " configuration is older than existing one\n");

        PoolNodes.Result one = pool.run("gluster1", "pcs", "cluster", "destroy");
        assertThat(one.exit()).isEqualTo(1);
        assertThat(one.err()).contains("'pcs cluster destroy --all' removes it");
        PoolNodes.Result destroy = pool.run("gluster2", "pcs", "cluster", "destroy", "--all");
        assertThat(destroy.exit()).as(destroy.toString()).isZero();
        assertThat(destroy.err()).isEqualTo("Destroying cluster on hosts: 'gluster1.local',"
                + " 'gluster2.local'...\ngluster1.local: Successfully destroyed cluster\n"
                + "gluster2.local: Successfully destroyed cluster\n");
        String after = pool.ok("gluster1", "pcs", "status");
        assertThat(after).doesNotContain("AppIP").doesNotContain("Started");
        assertThat(pool.ok("gluster1", "pcs", "cluster", "setup", "webapp2", "gluster1.local",
                "gluster2.local")).isEqualTo("Cluster has been successfully set up.\n");
    }

    private static String awaitStatus(PoolNodes pool, Pattern wanted) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = pool.run("gluster1", "pcs", "status").out();
        while (!wanted.matcher(status).find() && System.nanoTime() < end) {
            PoolNodes.sleep(200);
            status = pool.run("gluster1", "pcs", "status").out();
        }
        return status;
    }
}
