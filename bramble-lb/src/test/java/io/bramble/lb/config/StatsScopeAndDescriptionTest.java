package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsScopeAndDescriptionTest {
    private static StatsConfig stats(String text) {
        String http = text.replace("listen ", "defaults\n    mode http\nlisten ");
        LbConfig config = new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", http);
        return config.frontends().getFirst().stats().orElseThrow();
    }

    @Test
    void scopeLinesLimitThePageToTheProxiesNamedAndDotIsThePageItself() {
        StatsConfig scoped = stats("""
                listen admin
                    bind 127.0.0.1:8404
                    mode http
                    stats enable
                    stats scope .
                    stats scope app
                """);
        assertThat(scoped.scopes()).containsExactly(".", "app");
        assertThat(scoped.inScope("admin", "admin")).isTrue();
        assertThat(scoped.inScope("app", "admin")).isTrue();
        assertThat(scoped.inScope("db", "admin")).isFalse();
        StatsConfig all = stats("listen admin\n    bind :8404\n    mode http\n    stats enable\n");
        assertThat(all.inScope("db", "admin")).isTrue();
    }

    @Test
    void aScopeMustBeAProxyName() {
        assertThatThrownBy(() -> stats("listen admin\n    bind :8404\n    stats scope a/b\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lb.cfg:5");
    }

    @Test
    void showDescTakesItsTextOrTheGlobalDescription() {
        assertThat(stats("listen a\n    bind :8404\n    stats show-desc front of site 2\n")
                .description()).contains("front of site 2");
        assertThat(stats("global\n    description edge one\nlisten a\n    bind :8404\n"
                + "    stats show-desc\n").description()).contains("edge one");
        assertThat(stats("listen a\n    bind :8404\n    stats show-desc\n").description())
                .isEmpty();
        assertThat(stats("listen a\n    bind :8404\n    stats enable\n").description())
                .isEmpty();
    }
}
