package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpKeepAliveKeywordsTest {
    private static LbConfig parse(String text) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", text);
    }

    @Test
    void eachSideReadsItsOwnOptionAndTcpkaSetsBoth() {
        LbConfig config = parse("""
                defaults
                    mode tcp
                    option clitcpka
                frontend f
                    bind 127.0.0.1:8080
                    default_backend b
                backend b
                    option srvtcpka
                    server s 127.0.0.1:8081
                listen l
                    bind 127.0.0.1:8082
                    option tcpka
                    no option clitcpka
                    server s 127.0.0.1:8083
                """);
        assertThat(config.frontends().getFirst().tcpKeepAlive())
                .isEqualTo(new TcpKeepAlive(true, false));
        assertThat(config.backend("b").orElseThrow().tcpKeepAlive())
                .isEqualTo(new TcpKeepAlive(true, true));
        assertThat(config.backend("l").orElseThrow().tcpKeepAlive())
                .isEqualTo(new TcpKeepAlive(false, true));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aSideTheSectionDoesNotHaveIsIgnoredWithAWarningAsInHaproxy() {
        LbConfig config = parse("""
                frontend f
                    mode tcp
                    bind 127.0.0.1:8080
                    option srvtcpka
                    default_backend b
                backend b
                    mode tcp
                    option clitcpka
                    server s 127.0.0.1:8081
                """);
        assertThat(config.frontends().getFirst().tcpKeepAlive()).isEqualTo(TcpKeepAlive.NONE);
        assertThat(config.backend("b").orElseThrow().tcpKeepAlive())
                .isEqualTo(TcpKeepAlive.NONE);
        assertThat(config.warnings()).hasSize(2).anySatisfy(w -> assertThat(w)
                .contains("lb.cfg:4").contains("ignored in a frontend section"))
                .anySatisfy(w -> assertThat(w).contains("lb.cfg:8")
                        .contains("ignored in a backend section"));
    }
}
