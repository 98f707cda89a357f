package io.bramble.it.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bramble lb --vrrp} with the loopback backend, no root needed: two balancers share a
 * 127.x virtual address; only the one holding it listens there, and one without a healthy
 * server does not take it even when it outranks the other.
 */
class LbVrrpLoopbackTest {
    /** JVM start, the first health checks and a VRRP election, on a busy machine. */
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final int REQUEST_TIMEOUT_MS = 5_000;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private HostPort vip;
    private int vrrpPort;

    @Test
    void theAddressGoesOnlyToABalancerWithAHealthyServerAndMovesWhenItCrashes() {
        vip = cluster.endpoint("vip");
        vrrpPort = cluster.freePort("vip");
        web("web1");
        ManagedProcess lb2 = lb("lb2", 100, "lb1", Map.of("web1", cluster.endpoint("web1")));
        awaitAnswerFrom("lb2");

        // lb1 outranks lb2, but its only server (web3) is not running yet.
        ManagedProcess lb1 = lb("lb1", 101, "lb2", Map.of("web3", cluster.endpoint("web3")));
        lb1.awaitLine("INITIALIZE -> FAULT \\(gate:" + vip.host() + " is down\\)");
        List<Answer> meanwhile = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            meanwhile.add(get());
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        assertThat(meanwhile).as("answers while lb1 has no healthy server").allSatisfy(
                answer -> assertThat(answer.line()).isEqualTo("ok web1 lb2"));

        web("web3");
        awaitAnswerFrom("lb1");
        // lb2 listens a moment longer, so that no client finds neither listening.
        lb2.awaitLine("stopped listening on " + vip);
        lb1.awaitLine("listening on " + vip + " \\(this node holds " + vip.host() + "\\)");
        for (int i = 0; i < 10; i++) {
            assertThat(get().line()).isEqualTo("ok web3 lb1");
        }

        lb1.crash();
        awaitAnswerFrom("lb2");
        assertThat(get().line()).isEqualTo("ok web1 lb2");
    }

    private void web(String name) {
        ManagedProcess web = cluster.start(name, "web", "--root", SiteFiles.webRoot(dir, name)
                .toString(), "--bind", cluster.endpoint(name).toString());
        web.awaitPort();
    }

    private ManagedProcess lb(String name, int priority, String peer,
            Map<String, HostPort> servers) {
        HostPort stats = new HostPort(cluster.address(name).getHostAddress(), cluster.freePort(
                name));
        Path cfg = SiteFiles.write(dir.resolve(name + "/haproxy.cfg"), SiteFiles.haproxyCfg(
                name, stats, vip, servers));
        Path conf = SiteFiles.write(dir.resolve(name + "/keepalived.conf"), SiteFiles
                .keepalivedConf("lo", priority, vip.host(), cluster.address(name)
                        .getHostAddress(), cluster.address(peer).getHostAddress()));
        ManagedProcess lb = cluster.start(name, "lb", "-f", cfg.toString(), "--vrrp", conf
                .toString(), "--vrrp-backend", "loopback", "--vrrp-loopback-port",
                Integer
                        .toString(vrrpPort));
        lb.awaitLine("bramble lb: listening on");
        return lb;
    }

    private Answer get() {
        return Answer.get(vip.host(), vip.port(), REQUEST_TIMEOUT_MS);
    }

    private void awaitAnswerFrom(String lb) {
        Awaitility.await("an answer through " + vip + " from " + lb).atMost(GENEROUS)
                .pollInterval(Duration.ofMillis(100)).until(() -> get().lb().equals(lb));
    }
}
