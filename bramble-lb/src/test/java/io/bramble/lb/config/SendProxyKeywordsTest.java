package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SendProxyKeywordsTest {
    private static ProxyProtocol protocol(String options) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                backend b
                    mode tcp
                    default-server send-proxy
                    server s 127.0.0.1:81 %s
                """.formatted(options)).backend("b").orElseThrow().servers().getFirst()
                .options().proxyProtocol();
    }

    @Test
    void eachVersionIsOnOrOffAndVersionTwoWinsAsInHaproxy() {
        assertThat(protocol("").version()).isEqualTo(1);
        assertThat(protocol("send-proxy-v2").version()).isEqualTo(2);
        assertThat(protocol("send-proxy-v2 no-send-proxy-v2").version()).isEqualTo(1);
        assertThat(protocol("no-send-proxy").version()).isZero();
        assertThat(protocol("no-send-proxy send-proxy-v2")).isEqualTo(
                new ProxyProtocol(false, true));
    }
}
