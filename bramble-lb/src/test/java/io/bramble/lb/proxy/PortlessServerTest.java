package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.BindConfig;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ProxyMode;
import io.bramble.lb.config.ServerConfig;
import io.bramble.lb.config.ServerOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server written without a port is reached on the port each client connected to: a
 * frontend bound on two ports of 127.0.0.1 sends each connection to the same port of
 * 127.0.0.2, where one test server listens per port.
 */
class PortlessServerTest {
    /** Bounds each read, so a connection that went elsewhere fails the test, not hangs it. */
    private static final int READ_TIMEOUT_MS = 30_000;

    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProxyMode.class, names = {"TCP", "HTTP"})
    void eachConnectionGoesToThePortItsClientConnectedTo(ProxyMode mode) throws Exception {
        ProxyConfig.Builder web = TestConfigs.listen("web");
        web.mode = mode;
        web.binds.add(new BindConfig(new HostPort("127.0.0.1", 1), ConfigLocation.NONE));
        web.servers.add(new ServerConfig("app", HostPort.hostOnly("127.0.0.2"),
                ServerOptions.DEFAULTS, ConfigLocation.NONE));
        LbConfig config = TestConfigs.of(web);
        int first = config.proxies().getFirst().binds().get(0).address().port();
        int second = config.proxies().getFirst().binds().get(1).address().port();
        ServerSocket firstServer = listen(first);
        ServerSocket secondServer = listen(second);
        resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(9),
                "test"));

        assertThat(relay(mode, second, secondServer)).isEqualTo("to " + second);
        assertThat(relay(mode, first, firstServer)).isEqualTo("to " + first);
    }

    private ServerSocket listen(int port) throws Exception {
        ServerSocket server = resources.add(new ServerSocket());
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port));
        server.setSoTimeout(READ_TIMEOUT_MS);
        return server;
    }

    /** Sends a request through the balancer's {@code port}; what {@code server} saw of it. */
    private String relay(ProxyMode mode, int port, ServerSocket server) throws Exception {
        Socket client = resources.add(new Socket(InetAddress.getLoopbackAddress(), port));
        OutputStream out = client.getOutputStream();
        String text = mode == ProxyMode.HTTP
                ? "GET /to%20" + port + " HTTP/1.1\r\nHost: x\r\n\r\n"
                : "to " + port + "\n";
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Socket accepted = resources.add(server.accept());
        accepted.setSoTimeout(READ_TIMEOUT_MS);
        InputStream in = accepted.getInputStream();
        StringBuilder seen = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            seen.append((char) c);
        }
        String line = seen.toString().strip();
        return mode == ProxyMode.HTTP
                ? line.substring("GET /".length(), line.indexOf(' ', 4)).replace("%20", " ")
                : line;
    }
}
