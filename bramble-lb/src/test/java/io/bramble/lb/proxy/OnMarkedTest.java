package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code on-marked-down shutdown-sessions} and {@code on-marked-up shutdown-backup-sessions}:
 * the sessions open when a check changes a server's state are closed, as in HAProxy.
 */
class OnMarkedTest {
    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    /** Echoes lines until the client goes. */
    private ScriptedServer echo() throws Exception {
        return resources.add(ScriptedServer.start((peer, healthy) -> {
            while (true) {
                peer.write(peer.readUntil("\n"));
            }
        }));
    }

    /** Answers the checks: OK when healthy. */
    private ScriptedServer checkPort() throws Exception {
        return resources.add(ScriptedServer.start((peer, healthy) -> peer.write(healthy
                ? "OK\r\n"
                : "NO\r\n")));
    }

    private LoadBalancer start(String servers) {
        String text = """
                defaults
                    mode tcp
                    timeout connect 1s
                    timeout client 30s
                    timeout server 30s
                listen relay
                    bind 127.0.0.1:%d
                    option tcp-check
                    tcp-check expect string OK
                %s
                """.formatted(TestConfigs.freePort(), servers.indent(4));
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("marked.cfg", text);
        return resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(7),
                "test"));
    }

    private static String status(LoadBalancer balancer, String server) {
        for (String line : balancer.statsCsv().split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("relay") && cells[1].equals(server)) {
                return cells[17];
            }
        }
        return "missing";
    }

    private Socket connect(LoadBalancer balancer) throws IOException {
        Socket client = resources.add(new Socket(InetAddress.getLoopbackAddress(),
                balancer.boundAddresses().get(0).getPort()));
        client.setSoTimeout(10_000);
        client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(client.getInputStream().readNBytes(6),
                StandardCharsets.US_ASCII)).isEqualTo("hello\n");
        return client;
    }

    private static boolean closedByTheBalancer(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        try {
            return in.read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    void markedDownClosesTheServersSessions() throws Exception {
        ScriptedServer web = echo();
        ScriptedServer check = checkPort();
        check.healthy(true);
        LoadBalancer balancer = start("server s1 127.0.0.1:%d check port %d inter 100 rise 1 "
                .formatted(web.port(), check.port()) + "fall 2 on-marked-down shutdown-sessions");
        Socket client = connect(balancer);
        check.healthy(false);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> status(balancer, "s1")
                .equals("DOWN"));
        assertThat(closedByTheBalancer(client)).isTrue();
    }

    @Test
    void withoutItSessionsOutliveTheMarkDown() throws Exception {
        ScriptedServer web = echo();
        ScriptedServer check = checkPort();
        check.healthy(true);
        LoadBalancer balancer = start("server s1 127.0.0.1:%d check port %d inter 100 fall 2"
                .formatted(web.port(), check.port()));
        Socket client = connect(balancer);
        check.healthy(false);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> status(balancer, "s1")
                .equals("DOWN"));
        client.getOutputStream().write("again\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(client.getInputStream().readNBytes(6),
                StandardCharsets.US_ASCII)).isEqualTo("again\n");
    }

    @Test
    void markedUpClosesTheBackupsSessions() throws Exception {
        ScriptedServer primary = echo();
        ScriptedServer backup = echo();
        ScriptedServer primaryCheck = checkPort();
        ScriptedServer backupCheck = checkPort();
        backupCheck.healthy(true);
        LoadBalancer balancer = start("""
                server s1 127.0.0.1:%d check port %d inter 100 rise 2 fall 1 \
                on-marked-up shutdown-backup-sessions
                server b1 127.0.0.1:%d check port %d inter 100 backup""".formatted(
                primary.port(), primaryCheck.port(), backup.port(), backupCheck.port()));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> status(balancer, "s1")
                .equals("DOWN"));
        Socket client = connect(balancer);
        primaryCheck.healthy(true);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> status(balancer, "s1")
                .equals("UP"));
        assertThat(closedByTheBalancer(client)).isTrue();
        assertThat(status(balancer, "b1")).isEqualTo("UP");
    }
}
