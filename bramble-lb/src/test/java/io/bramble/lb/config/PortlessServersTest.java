package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Servers written without a port, with HAProxy 2.6's verdicts on their checks. */
class PortlessServersTest {
    private static LbConfig parse(String backend) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                defaults
                    mode tcp
                    timeout client 1s
                    timeout server 1s
                    timeout connect 1s
                %s
                """.formatted(backend));
    }

    @Test
    void aServerWithoutAPortIsAcceptedAndChecksNeedAPortOfTheirOwn() {
        LbConfig config = parse("""
                backend b
                    option tcp-check
                    tcp-check connect port 6443
                    server node1 172.16.16.81 check inter 5s
                    server node2 web.example
                    server node3 10.0.0.3 check port 81
                """);
        ProxyConfig backend = config.backend("b").orElseThrow();
        assertThat(backend.servers()).allSatisfy(s -> assertThat(s.address().hasPort())
                .isFalse());
        assertThat(backend.servers().get(1).address().host()).isEqualTo("web.example");
    }

    @Test
    void aCheckedServerWithNoPortAnywhereIsAnErrorAsInHaproxy() {
        assertThatThrownBy(() -> parse("""
                backend b
                    server a 127.0.0.1 check
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("lb.cfg:7")
                .hasMessageContaining("server 'a' has neither a port nor a check port;");
        assertThatThrownBy(() -> parse("""
                backend h
                    mode http
                    option httpchk
                    server d 127.0.0.1 check
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("lb.cfg:9")
                .hasMessageContaining("nor a first check step 'connect' with a port");
        assertThatThrownBy(() -> parse("""
                backend t
                    option tcp-check
                    tcp-check connect port 80
                    tcp-check connect
                    server e 127.0.0.1 check
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("lb.cfg:10")
                .hasMessageContaining("and a 'tcp-check connect' has no port");
    }

    @Test
    void relativePortsStayRefused() {
        assertThatThrownBy(() -> parse("""
                backend b
                    server a 127.0.0.1:+1
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("relative to the client's");
    }
}
