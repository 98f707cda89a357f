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
import java.net.ServerSocket;
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
        ServerSocket firstServer = FirstLineRelay.listen(resources, "127.0.0.2", first);
        ServerSocket secondServer = FirstLineRelay.listen(resources, "127.0.0.2", second);
        resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(9),
                "test"));

        boolean http = mode == ProxyMode.HTTP;
        assertThat(FirstLineRelay.relay(resources, http, "127.0.0.1", second, secondServer,
                "to " + second)).isEqualTo("to " + second);
        assertThat(FirstLineRelay.relay(resources, http, "127.0.0.1", first, firstServer,
                "to " + first)).isEqualTo("to " + first);
    }
}
