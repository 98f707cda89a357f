package io.bramble.it.lbdiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import io.bramble.common.net.HostPort;
import io.bramble.it.lb.TestCertificates;
import io.bramble.testkit.exec.Programs;
import io.bramble.testkit.http.RecordedRequest;
import io.bramble.testkit.http.RecordingBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * {@code bind ... accept-proxy} in Debian's HAProxy and in {@code bramble lb}, both real
 * processes with the same haproxy.cfg: for each opening (PROXY headers of both versions, an
 * ACL on the named source, headers refused), the answer's status or the connection's end, and
 * the {@code X-Forwarded-For} and the log-format values of {@code src} and {@code dst} the
 * server sees.
 */
class ProxyProtocolSideBySideTest extends SideBySideBase {
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    private static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51,
            0x55, 0x49, 0x54, 0x0A};

    @Test
    void bothReadTheSameHeadersAndRefuseTheSameOpenings() throws Exception {
        Path haproxy = Haproxy.assumeInstalled();
        Map<String, List<String>> seen = BothProxies.seen("accept-proxy", name -> {
            RecordingBackend backend = proxies.add(RecordingBackend.start(cluster.address(
                    "origin-" + name), 0));
            InetSocketAddress address = proxies.start(name, haproxy, endpoint -> config(
                    endpoint, backend));
            List<String> outcomes = new ArrayList<>();
            for (Map.Entry<String, byte[]> opening : openings().entrySet()) {
                outcomes.add(opening.getKey() + ": " + outcome(address, opening.getValue(),
                        backend));
            }
            return outcomes;
        });
        assertThat(seen.get("bramble")).isEqualTo(seen.get("haproxy"));
        assertThat(seen.get("haproxy")).as("the openings show something").anyMatch(o -> o
                .contains("xff=[192.0.2.7]")).anyMatch(o -> o.endsWith("reset"));
    }

    /**
     * The chain of the corpus's acmesh-alpn.cfg: a tcp frontend passes TLS connections on with
     * {@code send-proxy-v2}, from another source address, to an {@code ssl ... accept-proxy}
     * frontend, which reads the header before the handshake and sees the first client.
     */
    @Test
    void aTlsFrontendBehindSendProxyV2SeesTheFirstClient() throws Exception {
        Path haproxy = Haproxy.assumeInstalled();
        assumeTrue(Programs.find("openssl").isPresent(),
                "needs openssl (Debian package openssl) to make the certificate");
        Path certificates = Files.createDirectory(dir.resolve("certificates"));
        OneRequestClient client = OneRequestClient.trusting(TestCertificates.authority(
                certificates));
        Path pem = TestCertificates.server(certificates, "chain.example", false);
        Map<String, List<String>> seen = BothProxies.seen("send-proxy-v2 to accept-proxy",
                name -> {
                    int inner = cluster.freePort(name);
                    InetSocketAddress outer = proxies.start(name, haproxy, endpoint -> """
                            defaults
                                timeout connect 5s
                                timeout client 5s
                                timeout server 5s
                            frontend outer
                                mode tcp
                                bind OUTER
                                default_backend pass
                            backend pass
                                mode tcp
                                source 127.0.0.3
                                server inner HOST:INNER send-proxy-v2
                            frontend tls
                                mode http
                                bind HOST:INNER ssl crt PEM accept-proxy
                                http-request return status 200 content-type text/plain \
                            lf-string "src=%[src] tls=%[ssl_fc]"
                            """.replace("OUTER", endpoint.toString())
                            .replace("HOST", endpoint.host())
                            .replace("INNER", Integer.toString(inner))
                            .replace("PEM", pem.toString()));
                    OneRequestClient.Answer answer = client.send(outer, true,
                            "GET / HTTP/1.1\r\nHost: chain.example\r\nConnection: close"
                                    + "\r\n\r\n");
                    return List.of(answer.status() + " " + answer.body());
                });
        assertThat(seen.get("bramble")).isEqualTo(seen.get("haproxy"));
        assertThat(seen.get("haproxy").getFirst()).startsWith("200 ").contains("tls=1")
                .doesNotContain("src=127.0.0.3");
    }

    private static String config(HostPort bind, RecordingBackend server) {
        return SharedConfig.DEFAULTS + """
                frontend public
                    bind BIND accept-proxy
                    option forwardfor
                    http-request deny deny_status 403 if { src 10.0.0.0/8 }
                    http-request set-header X-Src %[src]:%[src_port]
                    http-request set-header X-Dst %[dst]:%[dst_port]
                    default_backend origin
                backend origin
                    server origin SERVER
                """.replace("BIND", bind.toString())
                .replace("SERVER", server.address().getHostAddress() + ":" + server.port());
    }

    /** What each connection opens with, by name. */
    private static Map<String, byte[]> openings() {
        Map<String, byte[]> openings = new LinkedHashMap<>();
        openings.put("v1 tcp4", ascii("PROXY TCP4 192.0.2.7 198.51.100.1 40000 443\r\n" + GET));
        openings.put("v1 tcp6", ascii("PROXY TCP6 2001:db8::7 2001:db8::1 40000 443\r\n"
                + GET));
        openings.put("v1 port over 65535", ascii("PROXY TCP4 192.0.2.7 198.51.100.1 070000 1\r\n"
                + GET));
        openings.put("v1 denied source", ascii("PROXY TCP4 10.1.2.3 198.51.100.1 1 2\r\n"
                + GET));
        openings.put("v1 unknown", ascii("PROXY UNKNOWN\r\n" + GET));
        openings.put("v2 tcp4 with tlvs", v2TcpWithTlvs());
        openings.put("v2 local", join(v2(0x20, 0x00, new byte[0]), ascii(GET)));
        openings.put("no header", ascii(GET));
        openings.put("v1 line feed alone", ascii("PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n" + GET));
        openings.put("v1 unknown with text", ascii("PROXY UNKNOWN x\r\n" + GET));
        openings.put("v1 cut short", ascii("PROXY TCP4 1.2.3.4"));
        openings.put("v2 udp", join(v2(0x21, 0x12, ipv4()), ascii(GET)));
        return openings;
    }

    private static byte[] v2TcpWithTlvs() {
        byte[] tlvs = {0x20, 0, 2, 'o', 'k', 0x03, 0, 4, 0, 0, 0, 0};
        byte[] header = v2(0x21, 0x11, join(ipv4(), tlvs));
        CRC32C crc = new CRC32C();
        crc.update(header);
        ByteBuffer.wrap(header).putInt(header.length - 4, (int) crc.getValue());
        return join(header, ascii(GET));
    }

    private static byte[] ipv4() {
        return ByteBuffer.allocate(12).put(new byte[]{(byte) 192, 0, 2, 9, (byte) 198, 51,
                100, 2}).putShort((short) 4444).putShort((short) 80).array();
    }

    private static byte[] v2(int command, int family, byte[] body) {
        return ByteBuffer.allocate(16 + body.length).put(SIGNATURE).put((byte) command)
                .put((byte) family).putShort((short) body.length).put(body).array();
    }

    private static byte[] join(byte[] first, byte[] second) {
        return ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The status and what the server saw, or how the connection ended unanswered. The opening
     * is one write, so it comes in the proxy's first read. The socket's own ends, which differ
     * between the two proxies, are written CLIENT and PROXY.
     */
    private static String outcome(InetSocketAddress address, byte[] opening,
            RecordingBackend backend) throws IOException {
        int before = backend.requestCount();
        String status;
        String clientEnd;
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
            clientEnd = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(opening);
            byte[] head = socket.getInputStream().readNBytes(12);
            status = head.length < 12
                    ? "closed"
                    : new String(head, 9, 3, StandardCharsets.US_ASCII);
        } catch (SocketException reset) {
            return "reset";
        }
        if (!status.equals("200")) {
            return status;
        }
        await("the server's request").atMost(Duration.ofSeconds(10))
                .until(() -> backend.requestCount() > before);
        RecordedRequest request = backend.requestsAfter(before).getFirst();
        String proxy = address.getAddress().getHostAddress() + ":" + address.getPort();
        return (status + " xff=" + request.values("X-Forwarded-For") + " src="
                + request.values("X-Src") + " dst=" + request.values("X-Dst"))
                .replace(clientEnd, "CLIENT").replace(proxy, "PROXY");
    }
}
