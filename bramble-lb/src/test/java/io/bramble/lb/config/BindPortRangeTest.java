package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import io.bramble.common.net.HostPort;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bind ADDR:LOW-HIGH}: one listener per port of the range, as HAProxy binds them. */
class BindPortRangeTest {
    private static LbConfig parse(String bind) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                frontend f
                    mode tcp
                    bind %s
                    default_backend b
                backend b
                    mode tcp
                    server s 127.0.0.1:81
                """.formatted(bind));
    }

    @Test
    void aRangeGivesOneBindPerPort() {
        assertThat(parse("*:15937-15939,127.0.0.1:80").frontends().getFirst().binds())
                .extracting(BindConfig::address).containsExactly(new HostPort("", 15937),
                        new HostPort("", 15938), new HostPort("", 15939),
                        new HostPort("127.0.0.1", 80));
        assertThat(parse("[::1]:8000-8000").frontends().getFirst().binds())
                .extracting(BindConfig::address).containsExactly(new HostPort("::1", 8000));
    }

    @Test
    void aReversedOrTooLongRangeIsRefused() {
        assertThatThrownBy(() -> parse("127.0.0.1:90-80")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lb.cfg:3: bind: invalid port range '127.0.0.1:90-80'");
        assertThatThrownBy(() -> parse(":1-65536")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid port range");
        assertThatThrownBy(() -> parse(":1000-3000")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bramble binds at most 1000 per range");
    }
}
