package io.bramble.it.lvs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's LVS test with bramble alone: a {@code bramble vrrp -f keepalived.conf} whose
 * {@code virtual_server} directs by NAT to two {@code bramble web} servers whose pages say
 * "This is real server1" and "This is real server2"; refreshing alternates, weights split, and
 * a killed server is taken out by its check.
 */
class LvsNatTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private ManagedProcess web(String name, String page) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        Files.writeString(root.resolve("index.html"), page + "\n");
        ManagedProcess web = cluster.start(name, "web", "--root", root.toString(), "--bind",
                cluster.endpoint(name).toString());
        web.awaitPort();
        return web;
    }

    /** Starts the director with one virtual server over real servers web1 and web2. */
    private ManagedProcess director(String scheduler, int weight1, int weight2, String check)
            throws IOException {
        HostPort vip = cluster.endpoint("director");
        StringBuilder config = new StringBuilder("virtual_server " + vip.host() + " "
                + vip.port() + " {\n    delay_loop 0.2\n    lb_algo " + scheduler
                + "\n    lb_kind NAT\n    protocol TCP\n");
        int[] weights = {weight1, weight2};
        for (int i = 0; i < 2; i++) {
            HostPort real = cluster.endpoint("web" + (i + 1));
            config.append("    real_server ").append(real.host()).append(' ')
                    .append(real.port()).append(" {\n        weight ").append(weights[i])
                    .append("\n        ").append(check).append("\n    }\n");
        }
        config.append("}\n");
        Path file = Files.writeString(dir.resolve("keepalived.conf"), config);
        ManagedProcess director = cluster.start("director", "vrrp", "-f", file.toString(),
                "--lvs-socket", dir.resolve("lvs.sock").toString(), "--metrics",
                cluster.endpoint("metrics").toString());
        director.awaitLine("metrics on http://");
        return director;
    }

    private String get(HostPort vip) throws IOException {
        try (Socket socket = new Socket(vip.host(), vip.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + vip + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.contains("This is real server1")
                    ? "server1"
                    : answer.contains("This is real server2") ? "server2" : answer;
        }
    }

    private List<String> gets(int count) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(get(cluster.endpoint("director")));
        }
        return out;
    }

    @Test
    void refreshingAlternatesBetweenTheTwoRealServers() throws IOException {
        web("web1", "This is real server1");
        web("web2", "This is real server2");
        director("rr", 1, 1, "TCP_CHECK {\n            connect_timeout 1\n        }");
        List<String> answers = gets(6);
        assertThat(answers).containsExactly("server1", "server2", "server1", "server2",
                "server1", "server2");
    }

    @Test
    void weightedRoundRobinSplitsByWeight() throws IOException {
        web("web1", "This is real server1");
        web("web2", "This is real server2");
        director("wrr", 3, 1, "TCP_CHECK {\n            connect_timeout 1\n        }");
        List<String> answers = gets(40);
        assertThat(answers.stream().filter("server1"::equals).count()).isEqualTo(30);
        assertThat(answers.stream().filter("server2"::equals).count()).isEqualTo(10);
    }

    @Test
    void aKilledServerIsTakenOutByItsCheckAndNoLaterConnectionFails() throws Exception {
        web("web1", "This is real server1");
        ManagedProcess web2 = web("web2", "This is real server2");
        ManagedProcess director = director("rr", 1, 1, """
                HTTP_GET {
                            url {
                                path /
                                status_code 200
                            }
                            connect_timeout 1
                            retry 1
                            delay_before_retry 0.2
                        }""");
        assertThat(gets(2)).containsExactlyInAnyOrder("server1", "server2");
        web2.kill();
        director.awaitLine("Disabling real server " + cluster.endpoint("web2").host());
        assertThat(gets(20)).containsOnly("server1");
        ManagedProcess status = cluster.start("status", "lvs", "status", "--socket",
                dir.resolve("lvs.sock").toString());
        assertThat(status.awaitExit(Duration.ofSeconds(30))).isZero();
        HostPort web1 = cluster.endpoint("web1");
        assertThat(status.log().text()).contains("TCP  " + cluster.endpoint("director") + " rr")
                .contains("  -> " + web1 + " ".repeat(Math.max(0, 28 - web1.toString().length()))
                        + " Masq    1 ")
                .doesNotContain(cluster.endpoint("web2").toString());

        String metrics = metrics();
        String web2Labels = cluster.endpoint("web2").host() + "\",remote_port=\""
                + cluster.endpoint("web2").port() + "\"";
        String web1Labels = web1.host() + "\",remote_port=\"" + web1.port() + "\"";
        assertThat(metrics).contains("node_ipvs_connections_total 22\n")
                .containsPattern("bramble_lvs_backend_connections_total\\{[^}]*remote_address=\""
                        + Pattern.quote(web1Labels) + "[^}]*\\} 21\n")
                .containsPattern("bramble_lvs_real_server_up\\{[^}]*remote_address=\""
                        + Pattern.quote(web2Labels) + "[^}]*\\} 0\n")
                .containsPattern("bramble_lvs_real_server_up\\{[^}]*remote_address=\""
                        + Pattern.quote(web1Labels) + "[^}]*\\} 1\n")
                .containsPattern("node_ipvs_outgoing_bytes_total [1-9][0-9]*\n")
                .containsPattern("node_ipvs_incoming_bytes_total [1-9][0-9]*\n");
    }

    /** The director's Prometheus page. */
    private String metrics() throws IOException {
        HostPort page = cluster.endpoint("metrics");
        try (Socket socket = new Socket(page.host(), page.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /metrics HTTP/1.0\r\nHost: " + page
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("version=0.0.4");
            return answer;
        }
    }
}
