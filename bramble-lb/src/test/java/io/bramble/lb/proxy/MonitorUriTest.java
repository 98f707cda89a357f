package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ServerOptions;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitorUriTest {
    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @Test
    void theExactUriIsAnsweredByTheFrontendAndAnyOtherGoesToTheServer() throws Exception {
        TestBackend app = resources.backend("app");
        ProxyConfig.Builder web = TestConfigs.listen("web");
        web.monitorUri = Optional.of("/healthz");
        TestConfigs.server(web, app, ServerOptions.DEFAULTS);
        LbConfig config = TestConfigs.of(web);
        LoadBalancer balancer = LoadBalancer.start(config, Clock.system(),
                new SplittableRandom(3), "test");
        resources.add(balancer);
        int port = balancer.boundAddresses().get(0).getPort();

        String monitored = RawHttp.exchange(port, "POST /healthz HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(monitored).startsWith("HTTP/1.1 200 OK\r\n")
                .endsWith("<html><body><h1>200 OK</h1>\nService ready.\n</body></html>\n");
        assertThat(app.requests).hasValue(0);

        String withQuery = RawHttp.exchange(port, "GET /healthz?full=1 HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(withQuery).startsWith("HTTP/1.1 200");
        assertThat(app.requests).hasValue(1);
    }
}
