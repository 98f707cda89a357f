package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code timeout client-fin} and {@code timeout server-fin}, read where HAProxy reads them. */
class FinTimeoutKeywordsTest {
    private static LbConfig parse(String text) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", text);
    }

    @Test
    void eachSideReadsItsOwnAndInheritsTheDefaults() {
        LbConfig config = parse("""
                defaults
                    mode tcp
                    timeout client-fin 30s
                    timeout server-fin 5s
                frontend f
                    bind 127.0.0.1:8080
                    timeout client-fin 1s
                    default_backend b
                backend b
                    server s 127.0.0.1:8081
                listen l
                    bind 127.0.0.1:8082
                    timeout server-fin 250
                    server s 127.0.0.1:8083
                """);
        assertThat(config.frontends().getFirst().timeouts().clientFinMs()).isEqualTo(1_000);
        assertThat(config.backend("b").orElseThrow().timeouts().serverFinMs())
                .isEqualTo(5_000);
        assertThat(config.backend("l").orElseThrow().timeouts().serverFinMs()).isEqualTo(250);
        assertThat(config.backend("l").orElseThrow().timeouts().clientFinMs())
                .isEqualTo(30_000);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aSideTheSectionDoesNotHaveIsIgnoredWithAWarningAsInHaproxy() {
        LbConfig config = parse("""
                frontend f
                    mode tcp
                    bind 127.0.0.1:8080
                    timeout server-fin 1s
                    default_backend b
                backend b
                    mode tcp
                    timeout client-fin 1s
                    server s 127.0.0.1:8081
                """);
        assertThat(config.frontends().getFirst().timeouts().serverFinMs())
                .isEqualTo(Timeouts.UNSET_MS);
        assertThat(config.backend("b").orElseThrow().timeouts().clientFinMs())
                .isEqualTo(Timeouts.UNSET_MS);
        assertThat(config.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("lb.cfg:4"))
                .anySatisfy(w -> assertThat(w).contains("lb.cfg:8"));
    }
}
