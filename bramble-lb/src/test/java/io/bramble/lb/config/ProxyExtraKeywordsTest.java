package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyExtraKeywordsTest {
    private static LbConfig parse(String text) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", text);
    }

    @Test
    void monitorUriIsReadInDefaultsAndFrontendsAndIgnoredWithAWarningInABackend() {
        LbConfig config = parse("""
                defaults
                    mode http
                    monitor-uri /ping
                frontend web
                    bind 127.0.0.1:8080
                    monitor-uri /healthz
                    default_backend app
                backend app
                    monitor-uri /nothing
                    server s 127.0.0.1:8081
                """);
        assertThat(config.frontends().getFirst().monitorUri()).contains("/healthz");
        assertThat(config.warnings()).singleElement().asString().contains("lb.cfg:9")
                .contains("ignored in a backend section");
    }

    @Test
    void monitorUriNeedsHttpModeAsInHaproxy() {
        LbConfig config = parse("""
                frontend f
                    mode tcp
                    bind 127.0.0.1:8080
                    monitor-uri /healthz
                    default_backend b
                backend b
                    mode tcp
                    server s 127.0.0.1:8081
                """);
        assertThat(config.frontends().getFirst().monitorUri()).isEmpty();
        assertThat(config.warnings()).singleElement().asString().contains("lb.cfg:1")
                .contains("'monitor-uri' ignored in 'f': it needs mode http");
    }

    @Test
    void descriptionBelongsToProxiesNotDefaults() {
        assertThat(parse("backend app\n    description the shop, site 2\n"
                + "    server s 127.0.0.1:81\n").warnings()).isEmpty();
        assertThatThrownBy(() -> parse("defaults\n    description d\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lb.cfg:2")
                .hasMessageContaining("not allowed in a defaults section");
    }

    @Test
    void fullconnIsACountInDefaultsAndBackends() {
        assertThat(parse("defaults\n    fullconn 100\nbackend app\n    fullconn 1000\n"
                + "    server s 127.0.0.1:81\n").warnings()).isEmpty();
        assertThatThrownBy(() -> parse("backend app\n    fullconn lots\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lb.cfg:2");
        assertThatThrownBy(() -> parse("frontend f\n    bind :80\n    fullconn 10\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not allowed");
    }

    @Test
    void useServiceOffersThePrometheusExporterOnly() {
        assertThat(parse("frontend f\n    bind :80\n    http-request use-service "
                + "prometheus-exporter if { path /metrics }\n").frontends().getFirst()
                .requestRules()).singleElement().satisfies(rule -> assertThat(rule.action())
                        .isInstanceOf(HttpRequestAction.UsePrometheusExporter.class));
        assertThatThrownBy(() -> parse("frontend f\n    bind :80\n"
                + "    http-request use-service lua.acme\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lb.cfg:3")
                .hasMessageContaining("'lua.acme' is not supported by bramble")
                .hasMessageContaining("no Lua engine");
    }

    @Test
    void bindProcessHasNoEffectAndSaysSo() {
        LbConfig config = parse("listen stats\n    bind :8888\n    bind-process 1\n"
                + "    mode http\n    stats uri /\n");
        assertThat(config.warnings()).singleElement().asString().contains("lb.cfg:3")
                .contains("bind-process").contains("no effect in HAProxy 2.6");
    }

    @Test
    void logasapAndLogSeparateErrorsWarnWhatBrambleDoesInstead() {
        LbConfig config = parse("""
                defaults
                    option logasap
                    option log-separate-errors
                    no option logasap
                """);
        assertThat(config.warnings()).hasSize(2);
        assertThat(config.warnings().get(0)).contains("lb.cfg:2")
                .contains("once the exchange is over");
        assertThat(config.warnings().get(1)).contains("lb.cfg:3").contains("same level");
    }

    @Test
    void aBindLineMayNameItsListener() {
        LbConfig config = parse("frontend f\n    bind 127.0.0.1:8080 name public\n"
                + "    default_backend b\nbackend b\n    server s 127.0.0.1:81\n");
        assertThat(config.frontends().getFirst().binds()).hasSize(1);
        assertThat(config.warnings()).isEmpty();
    }
}
