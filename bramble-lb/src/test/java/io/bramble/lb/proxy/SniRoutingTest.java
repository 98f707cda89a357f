package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.acl.TlsClientHelloTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS passthrough as HAProxy configs write it: {@code tcp-request inspect-delay},
 * {@code tcp-request content accept if { req_ssl_hello_type 1 }} and {@code use_backend} on
 * {@code req_ssl_sni} or {@code req.ssl_alpn}. Each backend gets the client's bytes untouched.
 */
class SniRoutingTest {
    private final TestResources resources = new TestResources();
    private NamedServer one;
    private NamedServer two;
    private NamedServer other;

    @BeforeEach
    void servers() throws IOException {
        one = resources.add(new NamedServer("one"));
        two = resources.add(new NamedServer("two"));
        other = resources.add(new NamedServer("other"));
    }

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    /** A server that reads what a connection sends until its end, then answers its name. */
    private static final class NamedServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicReference<byte[]> received = new AtomicReference<>();

        NamedServer(String name) throws IOException {
            socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket peer = socket.accept()) {
                        received.set(peer.getInputStream().readAllBytes());
                        peer.getOutputStream().write(name.getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private int start() {
        return start("accept if { req_ssl_hello_type 1 }");
    }

    private int start(String contentRule) {
        int port = TestConfigs.freePort();
        resources.balancer("""
                defaults
                    timeout connect 5s
                    timeout client 10s
                    timeout server 10s
                frontend tls
                    mode tcp
                    bind 127.0.0.1:%d
                    tcp-request inspect-delay 5s
                    tcp-request content %s
                    use_backend one if { req_ssl_sni -i one.example.com }
                    use_backend two if { req.ssl_sni -m end .two.example } \
                { req.ssl_alpn acme-tls/1 }
                    default_backend other
                backend one
                    mode tcp
                    server s 127.0.0.1:%d
                backend two
                    mode tcp
                    server s 127.0.0.1:%d
                backend other
                    mode tcp
                    server s 127.0.0.1:%d
                """.formatted(port, contentRule, one.port(), two.port(), other.port()));
        return port;
    }

    /** Sends {@code bytes} (the first {@code pause} of them, a moment, then the rest). */
    private static String send(int port, byte[] bytes, int pause) throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(bytes, 0, pause);
            client.getOutputStream().flush();
            if (pause < bytes.length) {
                Thread.sleep(300); // lets the balancer see the first part alone
            }
            client.getOutputStream().write(bytes, pause, bytes.length - pause);
            client.shutdownOutput();
            return new String(client.getInputStream().readAllBytes(),
                    StandardCharsets.US_ASCII);
        }
    }

    @Test
    void serverNamesAndProtocolsPickTheBackendAndTheBytesPassUntouched() throws Exception {
        int port = start();
        byte[] toOne = TlsClientHelloTest.clientHello("ONE.example.com", "h2");
        byte[] toTwo = TlsClientHelloTest.clientHello("www.two.example", "acme-tls/1");
        byte[] elsewhere = TlsClientHelloTest.clientHello("www.two.example", "h2");

        assertThat(send(port, toOne, toOne.length)).isEqualTo("one");
        assertThat(one.received.get()).isEqualTo(toOne);
        assertThat(send(port, toTwo, toTwo.length)).isEqualTo("two");
        assertThat(two.received.get()).isEqualTo(toTwo);
        assertThat(send(port, elsewhere, elsewhere.length)).isEqualTo("other");
        assertThat(other.received.get()).isEqualTo(elsewhere);
    }

    @Test
    void theRulesWaitForTheWholeHelloAndOtherBytesGoToTheDefault() throws Exception {
        int port = start();
        byte[] hello = TlsClientHelloTest.clientHello("one.example.com");
        byte[] withData = Arrays.copyOf(hello, hello.length + 3);

        assertThat(send(port, withData, 7)).isEqualTo("one");
        assertThat(one.received.get()).isEqualTo(withData);
        byte[] vpn = {0, 14, 0x38, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0};
        assertThat(send(port, vpn, vpn.length)).isEqualTo("other");
        assertThat(other.received.get()).isEqualTo(vpn);
    }

    @Test
    void aRejectUnlessRuleWaitsForTheHelloAsWellAndRejectsOtherBytes() throws Exception {
        int port = start("reject unless { req_ssl_hello_type 1 }");
        byte[] hello = TlsClientHelloTest.clientHello("one.example.com");

        assertThat(send(port, hello, 7)).isEqualTo("one");
        byte[] vpn = {0, 14, 0x38, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0};
        assertThat(send(port, vpn, vpn.length)).isEmpty();
        assertThat(other.received.get()).isNull();
    }
}
