package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import io.bramble.common.error.UserError;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaproxyConfigParserTest {
    private static final String SEED_000_TAIL = """
            listen webfarm 127.0.0.1:8080
              mode http
              balance roundrobin
              option httpclose
              option httpchk HEAD /lb-check.txt HTTP/1.0
              server web1 127.0.0.1:8081 check
              server web2 127.0.0.1:8082 check
            """;

    @Test
    void readsTheOldListenFormAsAFrontendAndBackendInOne() {
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg",
                SEED_000_TAIL);
        ProxyConfig webfarm = config.backend("webfarm").orElseThrow();
        assertThat(config.frontends()).containsExactly(webfarm);
        assertThat(webfarm.binds()).extracting(b -> b.address().toString())
                .containsExactly("127.0.0.1:8080");
        assertThat(webfarm.connectionMode()).isEqualTo(HttpConnectionMode.CLOSE);
        assertThat(webfarm.httpCheck().orElseThrow().uri()).isEqualTo("/lb-check.txt");
        assertThat(webfarm.servers()).extracting(ServerConfig::name).containsExactly("web1",
                "web2");
        assertThat(webfarm.servers().getFirst().location()).hasToString("lb.cfg:6");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void environmentVariablesExpandInDoubleQuotes() {
        LbConfig config = new HaproxyConfigParser(Map.of("PORT", "9090"), false).parse("e.cfg",
                "listen x\n  bind \"127.0.0.1:${PORT}\"\n");
        assertThat(config.proxies().getFirst().binds().getFirst().address().port())
                .isEqualTo(9090);
    }

    @Test
    void everyErrorIsAUserErrorWithExitCode2() {
        assertThatThrownBy(() -> new HaproxyConfigParser(Map.of(), false).parse("bad.cfg",
                "global\n  maxconn lots\nlisten x\n  bind nowhere\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e).isInstanceOf(UserError.class);
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("bad.cfg:2: maxconn: ")
                            .contains("\nbad.cfg:4: bind: ").endsWith("errors in config");
                });
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThatThrownBy(() -> HaproxyConfigParser.forThisProcess().parse(Path.of(
                "no/such/haproxy.cfg"))).isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.getMessage()).isEqualTo(
                                "no/such/haproxy.cfg: config file not found"));
    }
}
