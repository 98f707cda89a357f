package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code option allbackups} and {@code option log-health-checks}: backend-side options. */
class BackendFlagsTest {
    @Test
    void readInDefaultsAndBackendsAndIgnoredWithAWarningInAFrontend() {
        LbConfig config = new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                defaults
                    mode http
                    option allbackups
                    option log-health-checks
                frontend f
                    bind 127.0.0.1:8080
                    option allbackups
                    default_backend b
                backend b
                    server s 127.0.0.1:8081
                backend c
                    no option allbackups
                    no option log-health-checks
                    server s 127.0.0.1:8082
                """);
        ProxyConfig b = config.backend("b").orElseThrow();
        assertThat(b.allBackups()).isTrue();
        assertThat(b.logHealthChecks()).isTrue();
        ProxyConfig c = config.backend("c").orElseThrow();
        assertThat(c.allBackups()).isFalse();
        assertThat(c.logHealthChecks()).isFalse();
        assertThat(config.warnings()).singleElement().asString().contains("lb.cfg:7")
                .contains("ignored in a frontend section");
    }
}
