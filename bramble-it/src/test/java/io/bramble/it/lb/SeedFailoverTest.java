package io.bramble.it.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' load balancer, end to end: two {@code bramble web} servers behind one
 * {@code bramble lb} running the seed's haproxy.cfg (addresses adapted).
 */
class SeedFailoverTest {
    /** The seed's check timing: HAProxy's default inter 2 s, rise 2. */
    private static final Duration RISE_TIME = Duration.ofSeconds(2 * 2);
    /** Time for a restarted JVM to answer its first checks on a busy two-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(20);
    private static final String STATS_AUTH = LbClient.basic("pi", "raspberry");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private final LbClient client = new LbClient();

    @Test
    void theSeedFilesPassTheCheckAsWritten() throws Exception {
        WebFarm farm = new WebFarm(cluster, dir);
        HostPort lb = cluster.endpoint("lb");
        HostPort stats = new HostPort(lb.host(), cluster.freePort("lb"));
        String seed000 = Seeds.seed000(farm.errorFiles(), stats, lb, farm.endpoint("web1"),
                farm.endpoint("web2"));
        ManagedProcess check000 = farm.check("seed000", seed000);
        assertThat(check000.awaitExit(Duration.ofSeconds(60))).isZero();
        assertThat(check000.log().text()).contains("Configuration file is valid")
                .contains("chroot: warning");
        String seed003 = Seeds.seed003(dir.resolve("haproxy.pid"), lb, stats,
                farm.endpoint("web1"), farm.endpoint("web2"));
        ManagedProcess check003 = farm.check("seed003", seed003);
        assertThat(check003.awaitExit(Duration.ofSeconds(60))).isZero();
        ManagedProcess cookies = farm.check("seed000-cookies", Seeds.seed000Cookies(
                farm.errorFiles(), stats, lb, farm.endpoint("web1"), farm.endpoint("web2")));
        assertThat(cookies.awaitExit(Duration.ofSeconds(60))).isZero();
        assertThat(cookies.log().text()).contains("cookie JSESSIONID prefix");
        ManagedProcess broken = farm.check("broken", seed000.replace("balance roundrobin",
                "balance roundrobin\n  tune.bufsize 4096"));
        assertThat(broken.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(broken.log().text()).contains("broken.cfg:");
    }

    @Test
    void seed000RoundRobinFailoverWithoutErrorsAndRecovery() {
        WebFarm farm = new WebFarm(cluster, dir);
        farm.web("web1");
        farm.web("web2");
        HostPort lb = cluster.endpoint("lb");
        HostPort stats = new HostPort(lb.host(), cluster.freePort("lb"));
        farm.lb(Seeds.seed000(farm.errorFiles(), stats, lb, farm.endpoint("web1"),
                farm.endpoint("web2")));
        awaitStatuses(stats, Map.of("web1", "UP", "web2", "UP"));

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(client.servedBy(lb, "/"));
        }
        assertThat(order).containsExactly("web1", "web2", "web1", "web2", "web1", "web2");

        cluster.process("web1").kill();
        for (int i = 0; i < 500; i++) {
            HttpResponse<String> response = client.get(lb, "/?n=" + i);
            assertThat(response.statusCode()).as("request %d after web1 died", i)
                    .isEqualTo(200);
            assertThat(response.body()).as("request %d", i).contains("web2");
        }
        Map<String, String> afterKill = client.statuses(stats, "/", STATS_AUTH, "webfarm");
        assertThat(afterKill.get("web1")).startsWith("DOWN");
        assertThat(afterKill.get("web2")).isEqualTo("UP");
        assertThat(afterKill.get("BACKEND")).isEqualTo("UP");

        farm.restart("web1");
        Awaitility.await().atMost(RISE_TIME.plus(SLACK)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.statuses(stats, "/", STATS_AUTH, "webfarm").get("web1")
                        .equals("UP"));
        List<String> back = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            back.add(client.servedBy(lb, "/"));
        }
        assertThat(back).contains("web1", "web2");
        assertThat(client.statuses(stats, "/", STATS_AUTH, "webfarm"))
                .containsEntry("web1", "UP").containsEntry("web2", "UP");
    }

    @Test
    void seed003FrontendBackendAndStatsAdmin() throws Exception {
        WebFarm farm = new WebFarm(cluster, dir);
        farm.web("web1");
        farm.web("web2");
        HostPort front = cluster.endpoint("lb");
        HostPort metrics = new HostPort(front.host(), cluster.freePort("lb"));
        Path pidFile = dir.resolve("haproxy.pid");
        ManagedProcess lb = farm.lb(Seeds.seed003(pidFile, front, metrics,
                farm.endpoint("web1"), farm.endpoint("web2")));
        String auth = LbClient.basic("admin", "passw0rd");
        Awaitility.await().atMost(SLACK).until(() -> client.statuses(metrics, "/stats", auth,
                "www_servers").equals(Map.of("web1", "UP", "web2", "UP", "BACKEND", "UP")));
        assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(lb.pid()));
        assertThat(List.of(client.servedBy(front, "/"), client.servedBy(front, "/")))
                .containsExactlyInAnyOrder("web1", "web2");
        assertThat(client.get(metrics, "/stats").statusCode()).isEqualTo(401);

        // stats admin: web1 to MAINT from the page's form, then back to READY.
        HttpResponse<String> set = client.post(metrics, "/stats", auth,
                "b=www_servers&s=web1&action=maint");
        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(client.statuses(metrics, "/stats", auth, "www_servers").get("web1"))
                .isEqualTo("MAINT");
        for (int i = 0; i < 4; i++) {
            assertThat(client.servedBy(front, "/")).isEqualTo("web2");
        }
        client.post(metrics, "/stats", auth, "b=www_servers&s=web1&action=ready");
        Awaitility.await().atMost(SLACK).until(() -> client.statuses(metrics, "/stats", auth,
                "www_servers").get("web1").equals("UP"));
    }

    private void awaitStatuses(HostPort stats, Map<String, String> expected) {
        Awaitility.await().atMost(SLACK).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<String, String> now = client.statuses(stats, "/", STATS_AUTH, "webfarm");
            return expected.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(now.get(e.getKey())));
        });
    }
}
