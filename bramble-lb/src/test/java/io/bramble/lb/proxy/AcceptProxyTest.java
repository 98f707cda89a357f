package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bind ... accept-proxy}: the addresses a PROXY header names are the client's for the
 * rules, the fetches and the header sent on to a {@code send-proxy} server; a connection
 * opening with anything else is reset, and one that sends nothing is closed after
 * {@code timeout client}.
 */
class AcceptProxyTest {
    /** Bounds each read, so a missing byte fails the test instead of hanging it. */
    private static final int READ_TIMEOUT_MS = 30_000;
    private static final String GET = "GET / HTTP/1.0\r\n\r\n";

    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private int httpBalancer() {
        int port = TestConfigs.freePort();
        resources.balancer("""
                defaults
                    mode http
                    timeout client 1s
                frontend fe
                    bind 127.0.0.1:PORT accept-proxy
                    http-request deny deny_status 403 if { src 10.0.0.0/8 }
                    http-request return status 200 content-type text/plain lf-string \
                "src=%[src]:%[src_port] dst=%[dst]:%[dst_port] ci=%ci"
                """.replace("PORT", Integer.toString(port)));
        return port;
    }

    private static String exchange(int port, byte[] sent) throws IOException {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(READ_TIMEOUT_MS);
            client.getOutputStream().write(sent);
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theHeadersAddressesAreTheClients() throws Exception {
        int port = httpBalancer();
        assertThat(exchange(port, ascii("PROXY TCP4 192.0.2.7 198.51.100.1 40000 443\r\n" + GET)))
                .startsWith("HTTP/1.1 200")
                .endsWith("src=192.0.2.7:40000 dst=198.51.100.1:443 ci=192.0.2.7");
        assertThat(exchange(port, ascii("PROXY TCP4 10.1.2.3 198.51.100.1 1 2\r\n" + GET)))
                .as("an ACL on src").startsWith("HTTP/1.1 403");
        byte[] v2 = ByteBuffer.allocate(28 + GET.length()).put(new byte[]{0x0D, 0x0A, 0x0D,
                0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x11, 0, 12, 9, 8, 7,
                6, 1, 2, 3, 4}).putShort((short) 4444).putShort((short) 80).put(ascii(GET))
                .array();
        assertThat(exchange(port, v2)).endsWith("src=9.8.7.6:4444 dst=1.2.3.4:80 ci=9.8.7.6");
    }

    @Test
    void unknownKeepsTheSocketsAddresses() throws Exception {
        int port = httpBalancer();
        assertThat(exchange(port, ascii("PROXY UNKNOWN\r\n" + GET)))
                .contains("src=127.0.0.1:").contains("dst=127.0.0.1:" + port);
    }

    @Test
    void aConnectionWithoutAValidHeaderIsReset() throws Exception {
        int port = httpBalancer();
        for (String sent : new String[]{GET, "PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n" + GET,
                "PROXY UNKNOWN foo\r\n" + GET}) {
            Throwable thrown = catchThrowable(() -> exchange(port, ascii(sent)));
            assertThat(thrown).as(sent).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheClientTimeout() throws Exception {
        int port = httpBalancer();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(READ_TIMEOUT_MS);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aTcpProxyPassesTheNamedClientOnWithSendProxy() throws Exception {
        ServerSocket server = resources.add(new ServerSocket(0, 8,
                InetAddress.getLoopbackAddress()));
        server.setSoTimeout(READ_TIMEOUT_MS);
        int port = TestConfigs.freePort();
        resources.balancer("""
                listen relay
                    mode tcp
                    timeout client 30s
                    timeout server 30s
                    timeout connect 5s
                    bind 127.0.0.1:PORT accept-proxy
                    server app 127.0.0.1:SERVER send-proxy
                """.replace("PORT", Integer.toString(port))
                .replace("SERVER", Integer.toString(server.getLocalPort())));
        Socket client = resources.add(new Socket(InetAddress.getLoopbackAddress(), port));
        client.getOutputStream().write(ascii("PROXY TCP6 2001:db8::7 2001:db8::1 40000 25\r\n"
                + "hello\n"));
        Socket accepted = resources.add(server.accept());
        accepted.setSoTimeout(READ_TIMEOUT_MS);
        String expected = "PROXY TCP6 2001:db8::7 2001:db8::1 40000 25\r\nhello\n";
        InputStream in = accepted.getInputStream();
        assertThat(new String(in.readNBytes(expected.length()), StandardCharsets.ISO_8859_1))
                .isEqualTo(expected);
    }
}
