package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server written with the any-address ({@code *:PORT}, {@code 0.0.0.0:PORT},
 * {@code :PORT}) is reached, as HAProxy 2.6.12 reached it, on the address each client
 * connected to: a frontend bound on 127.0.0.2 and 127.0.0.3 sends each connection to the
 * server port of the address its client used, where one test server listens per address.
 */
class AnyAddressServerTest {
    /** Bounds each read, so a connection that went elsewhere fails the test, not hangs it. */
    private static final int READ_TIMEOUT_MS = 10_000;

    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @ParameterizedTest
    @CsvSource({"tcp, *", "tcp, 0.0.0.0", "tcp, ''", "http, *", "http, 0.0.0.0", "http, ''"})
    void eachConnectionGoesToTheAddressItsClientConnectedTo(String mode, String host)
            throws Exception {
        int front = TestConfigs.freePort();
        int serverPort = TestConfigs.freePort();
        ServerSocket second = listen("127.0.0.2", serverPort);
        ServerSocket third = listen("127.0.0.3", serverPort);
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg", """
                listen web
                    mode %s
                    bind 127.0.0.2:%d
                    bind 127.0.0.3:%2$d
                    server app %s:%d
                """.formatted(mode, front, host, serverPort));
        resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(9),
                "test"));

        assertThat(relay(mode, "127.0.0.3", front, third)).isEqualTo("via 127.0.0.3");
        assertThat(relay(mode, "127.0.0.2", front, second)).isEqualTo("via 127.0.0.2");
    }

    private ServerSocket listen(String address, int port) throws Exception {
        ServerSocket server = resources.add(new ServerSocket());
        server.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        server.setSoTimeout(READ_TIMEOUT_MS);
        return server;
    }

    /** Sends a line through the balancer at {@code address}; what {@code server} saw of it. */
    private String relay(String mode, String address, int port, ServerSocket server)
            throws Exception {
        Socket client = resources.add(new Socket(InetAddress.getByName(address), port));
        OutputStream out = client.getOutputStream();
        String text = mode.equals("http")
                ? "GET /via%20" + address + " HTTP/1.1\r\nHost: x\r\n\r\n"
                : "via " + address + "\n";
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
        return mode.equals("http")
                ? line.substring("GET /".length(), line.indexOf(' ', 4)).replace("%20", " ")
                : line;
    }
}
