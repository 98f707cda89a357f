package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * {@code log-format} read as HAProxy 2.6.12 reads it: the last of it, {@code option httplog}
 * and {@code option tcplog} wins, a defaults section warns of the override (haproxy -c's
 * words), a backend ignores it, and what bramble does not fill is an error at its line.
 */
class LogFormatKeywordTest {
    private static final String DEFAULTS = """
            defaults
                mode http
                timeout connect 1s
                timeout client 1s
                timeout server 1s
            """;

    private static LbConfig parse(String text) {
        return new HaproxyConfigParser(Map.of(), true, path -> OptionalLong.of(100))
                .parse("t.cfg", text);
    }

    private static List<String> errors(String text) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(text));
        assertThat(e).as("errors expected").isNotNull();
        return e.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static LogSettings frontendLog(LbConfig config) {
        return config.proxies().stream().filter(p -> p.name().equals("f")).findFirst()
                .orElseThrow().log();
    }

    @Test
    void theLastOfLogFormatAndTheLogOptionsWins() {
        LbConfig config = parse(DEFAULTS + """
                    log-format "%ci %ST"
                    option httplog
                    log-format "%ci\\ %ST %b"
                frontend f
                    bind :9000
                    default_backend b
                frontend g
                    bind :9001
                    log-format %ci
                    option tcplog
                    default_backend b
                backend b
                    log-format "%ci"
                    server s 127.0.0.1:80
                """);
        assertThat(config.warnings()).containsExactly(
                "t.cfg:7: option httplog: warning: 'option httplog' overrides previous "
                        + "'log-format' in 'defaults' section",
                "t.cfg:8: log-format: warning: 'log-format' overrides previous 'option "
                        + "httplog' in 'defaults' section",
                "t.cfg:18: log-format: warning: ignored in a backend section; it applies to "
                        + "defaults, frontend, listen sections");
        LogSettings inherited = frontendLog(config);
        assertThat(inherited.format()).isEqualTo(LogFormat.CUSTOM);
        assertThat(inherited.custom().orElseThrow().format()).hasToString("%ci %ST %b");
        assertThat(inherited.custom().orElseThrow().where().line()).isEqualTo(8);
        assertThat(config.proxies().get(1).log().format()).isEqualTo(LogFormat.TCP);
        assertThat(config.proxies().get(1).log().custom()).isEmpty();
    }

    @Test
    void logLinesAndDontLogNullKeepTheFormat() {
        LbConfig config = parse(DEFAULTS + """
                frontend f
                    bind :9000
                    log-format "%ci %ST"
                    log 127.0.0.1:514 local0
                    option dontlognull
                    default_backend b
                backend b
                    server s 127.0.0.1:80
                """);
        assertThat(frontendLog(config).custom()).isPresent();
        assertThat(frontendLog(config).dontLogNull()).isTrue();
        assertThat(frontendLog(config).targets()).hasSize(1);
    }

    @Test
    void whatHaproxyOrBrambleRefusesIsAnErrorAtItsLine() {
        assertThat(errors(DEFAULTS + """
                frontend f
                    bind :9000
                    log-format %ci %cp
                    log-format ""
                    log-format "%ci %U"
                    log-format "%[src]"
                    default_backend b
                backend b
                    server s 127.0.0.1:80
                """)).containsExactly(
                "t.cfg:8: log-format: log-format expects only one argument; escape its spaces "
                        + "('\\ ') or quote it",
                "t.cfg:9: log-format: log-format expects a format",
                "t.cfg:10: log-format: log-format variable '%U' is not filled by bramble, "
                        + "which does not count the bytes read from each client; variables "
                        + "filled: %ci %cp %f %b %s %t %Ts %ms %tr %trg %trl %Tw %Tc %Tr %Ta "
                        + "%Tt %ST %B %ts %tsc %ac %fc %bc %sc %rc %sq %bq %CC %CS %hr %hs %r "
                        + "%HM %HU %HP %HV %pid",
                "t.cfg:11: log-format: sample expressions ('%[...]') in a log-format line are "
                        + "not evaluated by bramble at log time; write variables (%ci, %ST...)");
    }

    @Test
    void variablesWithoutAValueInTheProxysModeAreAnErrorAtTheFormatsLine() {
        assertThat(errors(DEFAULTS + """
                    log-format "%t %ci %Tt"
                frontend f
                    bind :9000
                    default_backend b
                listen t
                    mode tcp
                    bind :9001
                    log-format "%tr %r %ci"
                    server s 127.0.0.1:80
                backend b
                    server s 127.0.0.1:80
                """)).containsExactly(
                "t.cfg:6: log-format: 'f' is in mode http, where bramble does not fill %t %Tt "
                        + "(it dates the request: %tr %trg %trl, and times it with %Ta)",
                "t.cfg:13: log-format: 't' is in mode tcp, where bramble does not fill %tr %r "
                        + "(it dates the connection: %t %Ts %ms, and times it with %Tt)");
    }
}
