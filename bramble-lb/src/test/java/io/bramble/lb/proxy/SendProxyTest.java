package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ProxyMode;
import io.bramble.lb.config.ProxyProtocol;
import io.bramble.lb.config.ServerConfig;
import io.bramble.lb.config.ServerOptions;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code send-proxy} and {@code send-proxy-v2}: the server reads the PROXY header naming the
 * client's address and port before the client's first byte.
 */
class SendProxyTest {
    /** Bounds each read, so a missing byte fails the test instead of hanging it. */
    private static final int READ_TIMEOUT_MS = 30_000;

    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @Test
    void versionTwoOpensATcpConnection() throws Exception {
        Relayed relayed = relay(ProxyMode.TCP, new ProxyProtocol(false, true), "hello\n");
        byte[] expected = ProxyHeader.encode(2, relayed.client().getLocalSocketAddress(),
                relayed.client().getRemoteSocketAddress());
        byte[] header = relayed.in().readNBytes(expected.length);
        assertThat(header).isEqualTo(expected);
        assertThat(header[12]).isEqualTo((byte) 0x21);
        assertThat(new String(relayed.in().readNBytes(6), StandardCharsets.US_ASCII))
                .isEqualTo("hello\n");
    }

    @Test
    void versionOneOpensAnHttpConnection() throws Exception {
        Relayed relayed = relay(ProxyMode.HTTP, new ProxyProtocol(true, false),
                "GET /p HTTP/1.1\r\nHost: x\r\n\r\n");
        InetSocketAddress client = (InetSocketAddress) relayed.client().getLocalSocketAddress();
        int port = relayed.client().getPort();
        String expected = "PROXY TCP4 127.0.0.1 127.0.0.1 " + client.getPort() + " " + port
                + "\r\nGET /p HTTP/1.1\r\n";
        assertThat(new String(relayed.in().readNBytes(expected.length()),
                StandardCharsets.US_ASCII)).isEqualTo(expected);
    }

    /** A client connection through the balancer and what the server reads of it. */
    private record Relayed(Socket client, InputStream in) {}

    private Relayed relay(ProxyMode mode, ProxyProtocol protocol, String sent)
            throws Exception {
        ServerSocket server = resources.add(new ServerSocket(0, 8,
                InetAddress.getLoopbackAddress()));
        server.setSoTimeout(READ_TIMEOUT_MS);
        ProxyConfig.Builder web = TestConfigs.listen("web");
        web.mode = mode;
        web.servers.add(new ServerConfig("app", new HostPort("127.0.0.1",
                server.getLocalPort()), ServerOptions.DEFAULTS.withProxyProtocol(protocol),
                ConfigLocation.NONE));
        LoadBalancer balancer = resources.add(LoadBalancer.start(TestConfigs.of(web),
                Clock.system(), new SplittableRandom(11), "test"));
        int port = balancer.boundAddresses().getFirst().getPort();
        Socket client = resources.add(new Socket(InetAddress.getLoopbackAddress(), port));
        client.getOutputStream().write(sent.getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        Socket accepted = resources.add(server.accept());
        accepted.setSoTimeout(READ_TIMEOUT_MS);
        return new Relayed(client, accepted.getInputStream());
    }
}
