package io.bramble.lb.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.proxy.LoadBalancer;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real handshakes against {@code bind ... ssl} and {@code server ... ssl} lines that take their
 * versions and suites from {@code ssl-default-bind-*} and {@code ssl-default-server-*}.
 */
class TlsDefaultsHandshakeTest {
    private static final String AES128 = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    private static final String AES256 = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";

    @TempDir
    static Path dir;
    static Path pem;
    private LoadBalancer balancer;

    @BeforeAll
    static void certificate() {
        assumeTrue(Programs.find("openssl").isPresent(),
                "needs openssl (Debian package openssl) to make a test certificate");
        Exec.run(Duration.ofSeconds(60), List.of("bash", "-c", "cd \"$1\" && openssl req -x509 "
                + "-newkey rsa:2048 -nodes -keyout k.pem -out c.pem -days 2 -subj /CN=localhost"
                + " -addext subjectAltName=DNS:localhost && cat c.pem k.pem > lb.pem", "cert",
                dir.toString())).orThrow();
        pem = dir.resolve("lb.pem");
    }

    @AfterEach
    void stop() {
        if (balancer != null) {
            balancer.close();
        }
    }

    private int start(String global, String bindOptions, String server) {
        int port = freePort();
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("tls.cfg", "global\n"
                + global + "defaults\n    mode http\n    timeout connect 2s\n"
                + "    timeout client 5s\n    timeout server 5s\n"
                + "listen web\n    bind 127.0.0.1:" + port + " ssl crt " + pem + bindOptions
                + "\n" + (server.isEmpty()
                        ? "    stats enable\n    stats uri /stats\n"
                        : server));
        balancer = LoadBalancer.start(config, Clock.system(), new SplittableRandom(1), "test");
        return port;
    }

    @Test
    void aTls12ClientIsRefusedWhereTheDefaultsAskForTls13() throws Exception {
        int port = start("    ssl-default-bind-options ssl-min-ver TLSv1.3\n", "", "");
        assertThatThrownBy(() -> handshake(port, "TLSv1.2")).isInstanceOf(IOException.class);
        assertThat(handshake(port, "TLSv1.3", "TLSv1.2")[0]).isEqualTo("TLSv1.3");
    }

    @Test
    void noTlsv12InTheDefaultsRefusesTls12Too() throws Exception {
        int port = start("    ssl-default-bind-options no-tlsv12\n", "", "");
        assertThatThrownBy(() -> handshake(port, "TLSv1.2")).isInstanceOf(IOException.class);
    }

    @Test
    void aBindLineKeepsItsOwnVersionsOverTheDefaults() throws Exception {
        int port = start("    ssl-default-bind-options ssl-min-ver TLSv1.3\n",
                " ssl-min-ver TLSv1.2", "");
        assertThat(handshake(port, "TLSv1.2")[0]).isEqualTo("TLSv1.2");
    }

    @Test
    void theDefaultCipherListLimitsTheTls12Suites() throws Exception {
        int port = start("    ssl-default-bind-ciphers ECDHE-RSA-AES256-GCM-SHA384\n", "", "");
        assertThat(handshake(port, "TLSv1.2")).containsExactly("TLSv1.2", AES256);
        assertThatThrownBy(() -> handshake(port, new String[]{"TLSv1.2"}, AES128))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theServersOrderWinsUnlessPreferClientCiphers() throws Exception {
        String ciphers = "    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:"
                + "ECDHE-RSA-AES256-GCM-SHA384\n";
        int serverOrder = start(ciphers, "", "");
        assertThat(handshake(serverOrder, new String[]{"TLSv1.2"}, AES256, AES128)[1])
                .isEqualTo(AES128);
        balancer.close();
        int clientOrder = start(ciphers + "    ssl-default-bind-options prefer-client-ciphers\n",
                "", "");
        assertThat(handshake(clientOrder, new String[]{"TLSv1.2"}, AES256, AES128)[1])
                .isEqualTo(AES256);
    }

    @Test
    void theDefaultTls13SuitesLimitTls13() throws Exception {
        int port = start("    ssl-default-bind-ciphersuites TLS_CHACHA20_POLY1305_SHA256\n", "",
                "");
        assertThat(handshake(port, "TLSv1.3")).containsExactly("TLSv1.3",
                "TLS_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void serversGetTheServerDefaults() throws Exception {
        try (SSLServerSocket backend = backend()) {
            CompletableFuture<String[]> seen = accept(backend);
            int port = start("    ssl-default-server-options ssl-max-ver TLSv1.2\n"
                    + "    ssl-default-server-ciphers ECDHE-RSA-AES256-GCM-SHA384\n", "",
                    "    server app 127.0.0.1:" + backend.getLocalPort() + " ssl verify none\n");
            request(port);
            assertThat(seen.get(30, TimeUnit.SECONDS)).containsExactly("TLSv1.2", AES256);
        }
        try (SSLServerSocket backend = backend()) {
            CompletableFuture<String[]> seen = accept(backend);
            balancer.close();
            int port = start("    ssl-default-server-options ssl-min-ver TLSv1.3\n", "",
                    "    server app 127.0.0.1:" + backend.getLocalPort() + " ssl verify none\n");
            request(port);
            assertThat(seen.get(30, TimeUnit.SECONDS)[0]).isEqualTo("TLSv1.3");
        }
    }

    /** A GET through the balancer; the answer does not matter, only the server's handshake. */
    private static void request(int port) throws Exception {
        try (SSLSocket socket = client(port, new String[]{"TLSv1.3", "TLSv1.2"})) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes();
        }
    }

    private static SSLServerSocket backend() throws Exception {
        PemBundle bundle = PemBundle.read(pem);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("lb", bundle.key(), new char[0], bundle.certificates().toArray(
                X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
        factory.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
        server.setSoTimeout(30_000);
        return server;
    }

    /** The version and suite of the first connection that completes its handshake. */
    private static CompletableFuture<String[]> accept(SSLServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.startHandshake();
                String[] seen = {socket.getSession().getProtocol(), socket.getSession()
                        .getCipherSuite()};
                InputStream in = socket.getInputStream();
                in.read(new byte[1024]);
                socket.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return seen;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String[] handshake(int port, String... protocols) throws Exception {
        return handshake(port, protocols, new String[0]);
    }

    /** Version and suite agreed by a client offering {@code protocols} and {@code suites}. */
    private static String[] handshake(int port, String[] protocols, String... suites)
            throws Exception {
        try (SSLSocket socket = client(port, protocols)) {
            if (suites.length > 0) {
                socket.setEnabledCipherSuites(suites);
            }
            socket.startHandshake();
            return new String[]{socket.getSession().getProtocol(), socket.getSession()
                    .getCipherSuite()};
        }
    }

    private static SSLSocket client(int port, String[] protocols) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new TrustEverything()}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(
                new Socket(InetAddress.getLoopbackAddress(), port), "localhost", port, true);
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(protocols);
        return socket;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test's own certificate is self-signed. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
