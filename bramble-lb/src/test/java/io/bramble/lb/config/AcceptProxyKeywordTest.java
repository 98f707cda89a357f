package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code accept-proxy} is a bind line's own: each address of the line has it, others not. */
class AcceptProxyKeywordTest {
    @Test
    void eachAddressOfTheLineAcceptsTheHeader() {
        LbConfig config = new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                frontend f
                    bind 127.0.0.1:8443,127.0.0.1:8444 accept-proxy
                    bind 127.0.0.1:8080
                    default_backend b
                backend b
                    server s 127.0.0.1:81
                """);
        List<Boolean> accepts = config.proxies().stream().filter(p -> p.name().equals("f"))
                .findFirst().orElseThrow().binds().stream().map(BindConfig::acceptProxy)
                .toList();
        assertThat(accepts).containsExactly(true, true, false);
    }
}
