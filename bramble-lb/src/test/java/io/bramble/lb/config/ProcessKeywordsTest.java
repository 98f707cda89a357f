package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import io.bramble.common.os.OpenFileLimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessKeywordsTest {
    private final List<Path> opened = new ArrayList<>();
    private final HaproxyConfigParser parser = new HaproxyConfigParser(Map.of(), true, path -> {
        opened.add(path);
        return OptionalLong.of(100);
    });

    private LbConfig parse(String text) {
        return parser.parse("/etc/haproxy/haproxy.cfg", text);
    }

    @Test
    void limitKeywordsAreAcceptedWithAWarningSayingWhatBrambleDoesInstead() {
        LbConfig config = parse("""
                global
                    ulimit-n 65536
                    strict-limits
                    max-spread-checks 5s
                    unix-bind prefix /var/lib/haproxy mode 770 user haproxy group haproxy
                """);
        assertThat(config.warnings()).hasSize(4);
        assertThat(config.warnings().get(0)).contains("haproxy.cfg:2").contains("ulimit-n")
                .contains("does not set its open-file limit (RLIMIT_NOFILE) to 65536")
                .contains(OpenFileLimit.soft().stream().mapToObj(n -> "now " + n).findFirst()
                        .orElse("started with"))
                .contains("LimitNOFILE=");
        assertThat(config.warnings().get(1)).contains(":3").contains("never raises");
        assertThat(config.warnings().get(2)).contains(":4").contains("own check interval");
        assertThat(config.warnings().get(3)).contains(":5").contains("stats sockets");
    }

    @Test
    void masterWorkerIsAcceptedWithAWarningOnHowToReload() {
        LbConfig config = parse("global\n    master-worker\n    master-worker "
                + "no-exit-on-failure\n");
        assertThat(config.warnings()).hasSize(2);
        assertThat(config.warnings().get(0)).contains("haproxy.cfg:2").contains("master-worker")
                .contains("reloads itself in place").contains("kill -HUP");
        assertThatThrownBy(() -> parse("global\n    master-worker always\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("haproxy.cfg:2")
                .hasMessageContaining("always");
    }

    @Test
    void ulimitNeedsACount() {
        assertThatThrownBy(() -> parse("global\n    ulimit-n many\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("haproxy.cfg:2");
    }

    @Test
    void aGlobalDescriptionIsAcceptedWithoutWarning() {
        assertThat(parse("global\n    description the edge of site 2\n").warnings()).isEmpty();
        assertThatThrownBy(() -> parse("global\n    description\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("description text");
    }

    @Test
    void defaultPathMakesRelativeErrorFilesAndCertificateBasesStartFromIt() {
        LbConfig config = parse("""
                global
                    crt-base certs
                    default-path config
                defaults
                    mode http
                    errorfile 503 errors/503.http
                    errorfile 504 /abs/504.http
                """);
        assertThat(opened).containsExactly(Path.of("/etc/haproxy/errors/503.http"),
                Path.of("/abs/504.http"));
        assertThat(config.global().crtBase()).contains("/etc/haproxy/certs");
        assertThat(config.global().caBase()).contains("/etc/haproxy");
    }

    @Test
    void defaultPathParentAndOriginAndCurrent() {
        parse("global\n    default-path parent\ndefaults\n    errorfile 503 e.http\n");
        parse("global\n    default-path origin /srv/lb\ndefaults\n    errorfile 503 e.http\n");
        parse("global\n    default-path current\ndefaults\n    errorfile 503 e.http\n");
        assertThat(opened).containsExactly(Path.of("/etc/e.http"), Path.of("/srv/lb/e.http"),
                Path.of("e.http"));
        assertThatThrownBy(() -> parse("global\n    default-path origin\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("a directory");
        assertThatThrownBy(() -> parse("global\n    default-path home\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("current, config");
    }

    @Test
    void sslServerVerifyNoneIsTheDefaultOfServersThatDoNotSay() {
        LbConfig config = parse("""
                global
                    ssl-server-verify none
                backend app
                    server plain 10.0.0.1:443 ssl
                    server checked 10.0.0.2:443 ssl verify required ca-file /etc/ssl/ca.pem
                """);
        List<ServerConfig> servers = config.backend("app").orElseThrow().servers();
        assertThat(servers.get(0).options().tls().verify()).isFalse();
        assertThat(servers.get(1).options().tls().verify()).isTrue();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void withoutSslServerVerifyServersVerifyAndNeedACaFile() {
        assertThatThrownBy(() -> parse("backend app\n    server s 10.0.0.1:443 ssl\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ca-file");
        LbConfig required = parse("global\n    ssl-server-verify required\nbackend app\n"
                + "    server s 10.0.0.1:443 ssl ca-file /etc/ssl/ca.pem\n");
        assertThat(required.backend("app").orElseThrow().servers().getFirst().options().tls()
                .verify()).isTrue();
    }

    @Test
    void sslServerVerifyAfterAProxySaysItReachesOnlyTheSectionsBelow() {
        LbConfig config = parse("""
                backend early
                    server s 10.0.0.1:80
                global
                    ssl-server-verify none
                backend late
                    server s 10.0.0.2:443 ssl
                """);
        assertThat(config.warnings()).singleElement().asString().contains(":4")
                .contains("below this line only");
        assertThat(config.backend("late").orElseThrow().servers().getFirst().options().tls()
                .verify()).isFalse();
    }
}
