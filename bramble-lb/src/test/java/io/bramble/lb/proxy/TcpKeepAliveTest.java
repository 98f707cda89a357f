package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ProxyMode;
import io.bramble.lb.config.ServerConfig;
import io.bramble.lb.config.ServerOptions;
import io.bramble.lb.config.TcpKeepAlive;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code option clitcpka} and {@code option srvtcpka}: the kernel's keepalive timer is armed on
 * the side asked for only. Read in /proc/net/tcp, where an idle socket with SO_KEEPALIVE shows
 * timer 2 (keepalive) and one without shows timer 0.
 */
class TcpKeepAliveTest {
    private static final String KEEPALIVE_TIMER = "02";
    private static final String NO_TIMER = "00";

    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @Test
    void clientSideOnlyInTcpMode() throws Exception {
        Timers timers = connectThrough(ProxyMode.TCP, new TcpKeepAlive(true, false));
        assertThat(timers.client()).isEqualTo(KEEPALIVE_TIMER);
        assertThat(timers.server()).isEqualTo(NO_TIMER);
    }

    @Test
    void serverSideOnlyInHttpMode() throws Exception {
        Timers timers = connectThrough(ProxyMode.HTTP, new TcpKeepAlive(false, true));
        assertThat(timers.client()).isEqualTo(NO_TIMER);
        assertThat(timers.server()).isEqualTo(KEEPALIVE_TIMER);
    }

    @Test
    void neitherByDefault() throws Exception {
        Timers timers = connectThrough(ProxyMode.TCP, TcpKeepAlive.NONE);
        assertThat(timers.client()).isEqualTo(NO_TIMER);
        assertThat(timers.server()).isEqualTo(NO_TIMER);
    }

    /** The load balancer's timers on its two sockets of one idle proxied connection. */
    private record Timers(String client, String server) {}

    private Timers connectThrough(ProxyMode mode, TcpKeepAlive keepAlive) throws Exception {
        ServerSocket server = resources.add(new ServerSocket(0, 8,
                InetAddress.getLoopbackAddress()));
        ProxyConfig.Builder web = TestConfigs.listen("web");
        web.mode = mode;
        web.tcpKeepAlive = keepAlive;
        web.servers.add(new ServerConfig("app", new HostPort("127.0.0.1",
                server.getLocalPort()), ServerOptions.DEFAULTS, ConfigLocation.NONE));
        LoadBalancer balancer = resources.add(LoadBalancer.start(TestConfigs.of(web),
                Clock.system(), new SplittableRandom(5), "test"));
        int port = balancer.boundAddresses().get(0).getPort();
        Socket client = resources.add(new Socket(InetAddress.getLoopbackAddress(), port));
        if (mode == ProxyMode.HTTP) {
            OutputStream out = client.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        Socket accepted = resources.add(server.accept());
        String clientTimer = timer(port, client.getLocalPort());
        String serverTimer = timer(accepted.getPort(), server.getLocalPort());
        return new Timers(clientTimer, serverTimer);
    }

    /**
     * The timer field of the socket from local port {@code from} to {@code to}: in
     * /proc/net/tcp6 when the socket is a dual-stack one (Netty's native transports open
     * those), else in /proc/net/tcp.
     */
    private static String timer(int from, int to) throws IOException {
        String local = String.format(Locale.ROOT, ":%04X", from);
        String remote = String.format(Locale.ROOT, ":%04X", to);
        List<String> lines = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Files.readAllLines(Path.of(table)).stream().skip(1).forEach(lines::add);
        }
        Optional<String[]> socket = lines.stream().map(l -> l.trim().split("\\s+"))
                .filter(f -> f[1].endsWith(local) && f[2].endsWith(remote)).findFirst();
        assertThat(socket).as("socket %d -> %d in /proc/net/tcp[6]", from, to).isPresent();
        return socket.get()[5].substring(0, 2);
    }
}
