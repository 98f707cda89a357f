package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.InitAddr;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ServerConfig;
import io.bramble.lb.config.ServerOptions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerAddressTest {
    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @Test
    void aServerWithInitAddrNoneStartsInMaintenanceAndTheOthersServe() throws Exception {
        TestBackend app = resources.backend("app");
        ProxyConfig.Builder web = TestConfigs.listen("web");
        web.servers.add(new ServerConfig("later", new HostPort("not-yet.invalid", 80),
                ServerOptions.DEFAULTS, new ConfigLocation("lb.cfg", 7), InitAddr.parse("none")));
        TestConfigs.server(web, app, ServerOptions.DEFAULTS);
        LbConfig config = TestConfigs.of(web);
        assertThat(LoadBalancer.problems(config)).isEmpty();
        assertThat(LoadBalancer.warnings(config)).isEmpty();
        LoadBalancer balancer = LoadBalancer.start(config, Clock.system(),
                new SplittableRandom(3), "test");
        resources.add(balancer);
        int port = balancer.boundAddresses().get(0).getPort();

        for (int i = 0; i < 4; i++) {
            assertThat(RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
        }
        assertThat(app.requests).hasValue(4);
    }

    @Test
    void aFallbackAfterAFailedLookupIsAWarningNamingTheServer() {
        ProxyConfig.Builder web = TestConfigs.listen("web");
        web.servers.add(new ServerConfig("s", new HostPort("not-yet.invalid", 80),
                ServerOptions.DEFAULTS, new ConfigLocation("lb.cfg", 7),
                InitAddr.parse("libc,192.0.2.1")));
        LbConfig config = TestConfigs.of(web);
        assertThat(LoadBalancer.problems(config)).isEmpty();
        assertThat(LoadBalancer.warnings(config)).containsExactly("lb.cfg:7: server: warning: "
                + "'server web/s': could not resolve address 'not-yet.invalid', falling back to "
                + "192.0.2.1");
    }
}
