package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ssl-default-* keywords, the TLS options of bind and server lines, and how they merge. */
class TlsOptionsTest {
    private static LbConfig parse(String text) {
        return new HaproxyConfigParser(Map.of(), false).parse("tls.cfg", text);
    }

    private static TlsDefaults defaults(String lines) {
        return parse("global\n" + lines).global().tlsDefaults();
    }

    @Test
    void versionsFollowMinMaxAndTheWordsThatTurnThemOff() {
        assertThat(TlsOptions.NONE.versions()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(defaults("  ssl-default-bind-options ssl-min-ver TLSv1.3\n").bind()
                .versions()).containsExactly("TLSv1.3");
        assertThat(defaults("  ssl-default-bind-options ssl-max-ver TLSv1.2\n").bind()
                .versions()).containsExactly("TLSv1.2");
        assertThat(defaults("  ssl-default-bind-options no-sslv3 no-tlsv10 no-tlsv11 "
                + "no-tlsv12\n").bind().versions()).containsExactly("TLSv1.3");
        assertThat(defaults("  ssl-default-server-options force-tlsv12\n").server()
                .versions()).containsExactly("TLSv1.2");
        assertThat(defaults("  ssl-default-bind-options no-tlsv12 no-tlsv13\n").bind()
                .versions()).isEmpty();
        assertThat(defaults("  ssl-default-bind-options ssl-min-ver TLSv1.3\n").server())
                .as("bind defaults are not server defaults").isEqualTo(TlsOptions.NONE);
    }

    @Test
    void aLineKeepsWhatItSetsAndTakesTheRestFromTheDefaults() {
        TlsOptions defaults = defaults("  ssl-default-bind-options ssl-min-ver TLSv1.3 "
                + "no-tls-tickets prefer-client-ciphers\n"
                + "  ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256\n").bind();
        LbConfig config = parse("listen web\n  bind :443 ssl crt /x.pem ssl-min-ver TLSv1.2 "
                + "ciphersuites TLS_AES_128_GCM_SHA256\n  server s 127.0.0.1:80\n");
        TlsOptions line = config.proxies().getFirst().binds().getFirst().tls().orElseThrow()
                .options();
        TlsOptions merged = line.withDefaults(defaults);
        assertThat(merged.versions()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(merged.ciphers()).contains(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assertThat(merged.cipherSuites()).contains(List.of("TLS_AES_128_GCM_SHA256"));
        assertThat(merged.noTickets()).isTrue();
        assertThat(merged.preferClientCiphers()).isTrue();
        assertThat(TlsOptions.NONE.withDefaults(defaults).versions()).containsExactly(
                "TLSv1.3");
        TlsOptions off = defaults("  ssl-default-bind-options no-tlsv13\n").bind();
        assertThat(defaults("  ssl-default-bind-options ssl-max-ver TLSv1.3\n").bind()
                .withDefaults(off).versions()).as("turned off adds up").containsExactly(
                        "TLSv1.2");
    }

    @Test
    void suitesAreTheTls13ThenTheTls12OnesEachTheJdksWhereNotSet() {
        assertThat(TlsOptions.NONE.suites()).isEmpty();
        List<String> suites = defaults("  ssl-default-bind-ciphers "
                + "ECDHE-RSA-AES256-GCM-SHA384\n").bind().suites().orElseThrow();
        assertThat(suites.getLast()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(suites).contains("TLS_AES_128_GCM_SHA256").filteredOn(s -> s.contains(
                "_WITH_")).hasSize(1);
        assertThat(defaults("  ssl-default-bind-ciphers PROFILE=SYSTEM\n").bind().ciphers())
                .isEqualTo(Optional.empty());
    }

    @Test
    void namesWithoutAJdkSuiteAreWarnedAboutAtTheirLine() {
        LbConfig config = parse("global\n  ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256"
                + ":AES128-SHA:ECDHE-RSA-CAMELLIA128-SHA256\n");
        assertThat(config.warnings()).singleElement().asString().startsWith(
                "tls.cfg:2: ssl-default-bind-ciphers: ").contains(
                        "AES128-SHA, "
                                + "ECDHE-RSA-CAMELLIA128-SHA256",
                        "dropped",
                        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void aListThatLeavesNothingIsAnError() {
        assertThatThrownBy(() -> parse("global\n  ssl-default-server-ciphers RC4-MD5:DES-CBC-SHA"
                + "\n")).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(
                        e
                                .getMessage())
                        .contains("tls.cfg:2: ssl-default-server-ciphers: no usable"
                                + " TLS 1.2 cipher suites"));
        assertThatThrownBy(() -> parse("global\n  ssl-default-bind-ciphersuites "
                + "TLS_AES_128_CCM_8_SHA256\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tls.cfg:2: ssl-default-bind-ciphersuites: no usable "
                        + "TLS 1.3");
    }

    @Test
    void wordsHaproxyRefusesOrBrambleCannotHonourAreErrors() {
        for (String line : List.of("ssl-default-bind-options no-ca-names",
                "ssl-default-server-options prefer-client-ciphers",
                "ssl-default-bind-options ssl-min-ver TLSv1.4",
                "ssl-default-bind-options force-tlsv11",
                "ssl-default-server-options ssl-max-ver TLSv1.1",
                "ssl-default-bind-options")) {
            assertThatThrownBy(() -> parse("global\n  " + line + "\n")).as(line)
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e
                            .getMessage()).startsWith("tls.cfg:2: " + line.split(" ")[0]
                                    + ": "));
        }
    }

    @Test
    void olderMinimumsAndTicketsWarn() {
        LbConfig config = parse("global\n  ssl-default-bind-options ssl-min-ver TLSv1.0 "
                + "no-tls-tickets\n");
        assertThat(config.warnings()).hasSize(2).satisfiesExactly(
                w -> assertThat(w).contains("TLSv1.2 and TLSv1.3 only"),
                w -> assertThat(w).contains("no-tls-tickets is not applied",
                        "-Djdk.tls.server.enableSessionTicketExtension=false"));
        assertThat(config.global().tlsDefaults().bind().versions()).containsExactly(
                "TLSv1.2", "TLSv1.3");
    }

    @Test
    void serverLinesTakeTheOptionsToo() {
        LbConfig config = parse("backend b\n  default-server ssl verify none ssl-max-ver "
                + "TLSv1.2\n  server s 127.0.0.1:443 ciphers ECDHE-RSA-AES256-GCM-SHA384\n");
        TlsOptions options = config.proxies().getFirst().servers().getFirst().options().tls()
                .options();
        assertThat(options.maxVersion()).contains("TLSv1.2");
        assertThat(options.ciphers()).contains(List.of(
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
    }
}
