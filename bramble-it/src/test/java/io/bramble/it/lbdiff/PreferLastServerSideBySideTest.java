package io.bramble.it.lbdiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.http.RecordingBackend;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code option prefer-last-server} in Debian's HAProxy and in {@code bramble lb}: for each
 * {@code http-reuse} mode, with and without the option, the servers (of two, round robin)
 * that answer five requests sent one after another on one client connection, and then on a
 * second connection.
 */
class PreferLastServerSideBySideTest extends SideBySideBase {
    private static final List<String> CASES = List.of(
            "never option", "never no-option", "safe option", "always option");

    @Test
    void bothSendAConnectionsRequestsToTheSameServers() throws Exception {
        Path haproxy = Haproxy.assumeInstalled();
        Map<String, List<String>> seen = BothProxies.seen("prefer-last-server", name -> {
            RecordingBackend a = proxies.add(RecordingBackend.start(
                    cluster.address("a-" + name), 0));
            RecordingBackend b = proxies.add(RecordingBackend.start(
                    cluster.address("b-" + name), 0));
            List<Integer> ports = new ArrayList<>();
            for (int i = 1; i < CASES.size(); i++) {
                ports.add(cluster.freePort(name));
            }
            InetSocketAddress first = proxies.start(name, haproxy,
                    endpoint -> config(endpoint, ports, a, b));
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < CASES.size(); i++) {
                InetSocketAddress target = i == 0
                        ? first
                        : new InetSocketAddress(first.getAddress(), ports.get(i - 1));
                outcomes.add(CASES.get(i) + ": " + servers(target, a, b) + " "
                        + servers(target, a, b));
            }
            return outcomes;
        });
        assertThat(seen.get("bramble")).isEqualTo(seen.get("haproxy"));
        assertThat(seen.get("haproxy")).as("the option keeps a connection on one server")
                .anyMatch(o -> o.matches("never option: (aaaaa bbbbb|bbbbb aaaaa)"));
    }

    /** One listen section per case, each on its own port, over the same two servers. */
    private static String config(HostPort bind, List<Integer> ports, RecordingBackend a,
            RecordingBackend b) {
        StringBuilder text = new StringBuilder(SharedConfig.DEFAULTS);
        for (int i = 0; i < CASES.size(); i++) {
            String[] words = CASES.get(i).split(" ");
            String address = i == 0 ? bind.toString() : bind.host() + ":" + ports.get(i - 1);
            text.append("listen case").append(i).append('\n')
                    .append("    bind ").append(address).append('\n')
                    .append("    balance roundrobin\n")
                    .append("    http-reuse ").append(words[0]).append('\n')
                    .append(words[1].equals("option")
                            ? "    option prefer-last-server\n"
                            : "    no option prefer-last-server\n")
                    .append("    server a ").append(hostPort(a)).append('\n')
                    .append("    server b ").append(hostPort(b)).append('\n');
        }
        return text.toString();
    }

    private static String hostPort(RecordingBackend server) {
        return server.address().getHostAddress() + ":" + server.port();
    }

    /** Which of a and b answered each of five requests on one connection, as "ababa". */
    private static String servers(InetSocketAddress target, RecordingBackend a,
            RecordingBackend b) throws IOException {
        StringBuilder answered = new StringBuilder();
        try (Socket client = new Socket()) {
            client.connect(target, 5_000);
            client.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(client.getInputStream(), 1);
            for (int i = 0; i < 5; i++) {
                int before = a.requestCount();
                int beforeB = b.requestCount();
                client.getOutputStream().write("GET /p HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                readResponse(in);
                answered.append(a.requestCount() > before
                        ? "a"
                        : b.requestCount() > beforeB ? "b" : "?");
            }
        }
        return answered.toString();
    }

    private static void readResponse(InputStream in) throws IOException {
        String status = line(in);
        assertThat(status).startsWith("HTTP/1.1 200");
        int length = 0;
        String header;
        while (!(header = line(in)).isEmpty()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                text.append((char) c);
            }
        }
        return text.toString();
    }
}
