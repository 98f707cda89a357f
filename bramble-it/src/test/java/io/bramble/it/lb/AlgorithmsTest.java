package io.bramble.it.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each {@code balance} algorithm as HAProxy documents it, on one {@code bramble lb} with a
 * listen section per algorithm in front of three {@code bramble web} servers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlgorithmsTest {
    private static final List<String> PROXIES = List.of("rr", "weighted", "static", "least",
            "source", "uri", "first", "random", "stats");
    private static final String AUTH = LbClient.basic("admin", "admin");

    private final LbClient client = new LbClient();
    private final Map<String, HostPort> ports = new LinkedHashMap<>();
    private LocalCluster cluster;
    private Path dir;

    @BeforeAll
    void startFarm() throws IOException {
        dir = Files.createTempDirectory("bramble-lb-algorithms");
        cluster = LocalCluster.open(LocalCluster.LOG_ROOT.resolve("AlgorithmsTest"));
        WebFarm farm = new WebFarm(cluster, dir).withBigFiles();
        for (String web : List.of("web1", "web2", "web3")) {
            farm.web(web);
        }
        HostPort lb = cluster.endpoint("lb");
        for (String proxy : PROXIES) {
            ports.put(proxy, new HostPort(lb.host(), cluster.freePort("lb")));
        }
        farm.lb(config(farm));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.statuses(
                ports.get("stats"), "/", AUTH, "rr").values().stream()
                .filter("UP"::equals).count() == 4);
    }

    @AfterAll
    void stopFarm() throws IOException {
        cluster.close();
        try (var files = Files.walk(dir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private String config(WebFarm farm) {
        StringBuilder cfg = new StringBuilder("""
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 30s
                    timeout server 30s
                    default-server check inter 1s
                """);
        String three = servers(farm, "", "", "");
        listen(cfg, "rr", "roundrobin", three);
        listen(cfg, "weighted", "roundrobin", servers(farm, " weight 3", " weight 1", null));
        listen(cfg, "static", "static-rr", servers(farm, " weight 2", " weight 1", null));
        listen(cfg, "least", "leastconn", three);
        listen(cfg, "source", "source", three);
        listen(cfg, "uri", "uri", three);
        listen(cfg, "first", "first", servers(farm, " maxconn 1", " maxconn 1", ""));
        listen(cfg, "random", "random", three);
        cfg.append("listen stats\n    bind ").append(ports.get("stats"))
                .append("\n    stats enable\n    stats uri /\n    stats auth admin:admin\n");
        return cfg.toString();
    }

    private void listen(StringBuilder cfg, String name, String balance, String servers) {
        cfg.append("listen ").append(name).append("\n    bind ").append(ports.get(name))
                .append("\n    balance ").append(balance).append('\n').append(servers);
    }

    /** Server lines for web1..web3 with extra options; null leaves a server out. */
    private static String servers(WebFarm farm, String... options) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < options.length; i++) {
            if (options[i] != null) {
                String name = "web" + (i + 1);
                lines.append("    server ").append(name).append(' ')
                        .append(farm.endpoint(name)).append(options[i]).append('\n');
            }
        }
        return lines.toString();
    }

    private List<String> serve(String proxy, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(client.servedBy(ports.get(proxy), "/"));
        }
        return names;
    }

    private static Map<String, Integer> counts(List<String> names) {
        Map<String, Integer> counts = new HashMap<>();
        names.forEach(n -> counts.merge(n, 1, Integer::sum));
        return counts;
    }

    @Test
    void roundRobinTakesEachServerInTurn() {
        assertThat(serve("rr", 6)).containsExactly("web1", "web2", "web3", "web1", "web2",
                "web3");
    }

    @Test
    void weightsAreHonoured() {
        assertThat(counts(serve("weighted", 40))).containsEntry("web1", 30)
                .containsEntry("web2", 10);
        assertThat(counts(serve("static", 30))).containsEntry("web1", 20)
                .containsEntry("web2", 10);
    }

    @Test
    void leastConnectionsAvoidsTheBusyServer() throws Exception {
        try (Socket busy = LbClient.stalledDownload(ports.get("least"), "/big.bin")) {
            String busyServer = busyServer("least");
            List<String> names = serve("least", 8);
            assertThat(names).doesNotContain(busyServer);
            assertThat(counts(names).values()).containsOnly(4);
        }
    }

    @Test
    void sourceKeepsEachClientAddressOnOneServer() throws Exception {
        Map<String, String> firstChoice = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int host = 2; host < 20; host++) {
                InetAddress local = InetAddress.getByName("127.0.0." + host);
                String name = LbClient.servedByFrom(ports.get("source"), local, "/");
                assertThat(firstChoice.computeIfAbsent(local.getHostAddress(), a -> name))
                        .as("client %s", local).isEqualTo(name);
            }
        }
        assertThat(firstChoice.values()).containsAll(List.of("web1", "web2", "web3"));
    }

    @Test
    void uriSendsEachPathToOneServerWhateverTheQuery() {
        Map<String, String> byPath = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int page = 1; page <= WebFarm.PAGES; page++) {
                String path = "/p/" + page + ".html";
                String name = client.servedBy(ports.get("uri"), path + "?r=" + round);
                assertThat(byPath.computeIfAbsent(path, p -> name)).as(path).isEqualTo(name);
            }
        }
        assertThat(byPath.values()).hasSizeGreaterThan(1);
    }

    @Test
    void firstFillsServersInDeclarationOrder() throws Exception {
        assertThat(serve("first", 4)).containsOnly("web1");
        try (Socket busy = LbClient.stalledDownload(ports.get("first"), "/big.bin")) {
            assertThat(busyServer("first")).isEqualTo("web1");
            assertThat(serve("first", 3)).containsOnly("web2");
        }
    }

    @Test
    void randomUsesEveryServer() {
        assertThat(counts(serve("random", 60)).keySet()).containsExactlyInAnyOrder("web1",
                "web2", "web3");
    }

    /** The one server of {@code proxy} with a session in progress, from the stats CSV. */
    private String busyServer(String proxy) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (String server : List.of("web1", "web2", "web3")) {
                if (client.cell(ports.get("stats"), "/", AUTH, proxy, server, "scur")
                        .filter("1"::equals).isPresent()) {
                    return server;
                }
            }
            return null;
        }, s -> s != null);
    }
}
