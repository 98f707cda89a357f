package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code compression algo|type|offload} in every proxy section, as HAProxy 2.6 reads them. */
class CompressionKeywordTest {
    private static LbConfig parse(String text) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", text);
    }

    @Test
    void linesAddUpAndDefaultsPassAlgorithmsAndTypesButNotOffload() {
        LbConfig config = parse("""
                defaults
                    mode http
                    compression algo gzip
                    compression type text/html
                    compression offload
                frontend f
                    bind 127.0.0.1:8080
                    compression algo raw-deflate identity
                    compression type application/json text/css
                    default_backend b
                backend b
                    compression offload
                    server s 127.0.0.1:81
                """);
        CompressionConfig frontend = config.frontends().getFirst().compression();
        assertThat(frontend.algorithms()).containsExactly(CompressionAlgorithm.GZIP,
                CompressionAlgorithm.RAW_DEFLATE, CompressionAlgorithm.IDENTITY);
        assertThat(frontend.types()).containsExactly("text/html", "application/json",
                "text/css");
        assertThat(frontend.offload()).isFalse();
        assertThat(config.backend("b").orElseThrow().compression().offload()).isTrue();
        assertThat(config.warnings()).anyMatch(w -> w.contains("lb.cfg:5")
                && w.contains("'offload' ignored in 'defaults' section"));
    }

    @Test
    void anUnknownAlgorithmOrWordIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> parse("""
                backend b
                    compression algo gzip br
                    compression direction both
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lb.cfg:2: compression: 'br' is not a supported algorithm")
                .hasMessageContaining("lb.cfg:3: compression: expects 'algo', 'type' or "
                        + "'offload', got 'direction'");
    }
}
