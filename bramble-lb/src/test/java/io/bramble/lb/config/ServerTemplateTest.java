package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import io.bramble.common.net.HostPort;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code server-template}, with the servers and verdicts HAProxy 2.6.12 gave the same lines. */
class ServerTemplateTest {
    private static ProxyConfig backend(String lines) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                defaults
                    mode http
                    default-server inter 3s
                backend be
                %s
                """.formatted(lines)).backend("be").orElseThrow();
    }

    private static void refused(String lines, String where, String message) {
        assertThatThrownBy(() -> backend(lines)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(where).hasMessageContaining(message);
    }

    @Test
    void aNumberOrARangeMakesThatManyServersOfOneAddressAndTheLinesOptions() {
        ProxyConfig be = backend("""
                    server-template web 3 localhost:18099 check weight 5 init-addr libc,none
                    server-template api 2-4 127.0.0.1
                    server web4 127.0.0.1:18099
                """);
        assertThat(be.servers()).extracting(ServerConfig::name).containsExactly("web1", "web2",
                "web3", "api2", "api3", "api4", "web4");
        ServerConfig web2 = be.servers().get(1);
        assertThat(web2.address()).isEqualTo(new HostPort("localhost", 18099));
        assertThat(web2.options().weight()).isEqualTo(5);
        assertThat(web2.options().check()).isTrue();
        assertThat(web2.options().interMs()).isEqualTo(3_000);
        assertThat(web2.initAddr()).isEqualTo(InitAddr.parse("libc,none"));
        assertThat(web2.location()).isEqualTo(new ConfigLocation("lb.cfg", 5));
        assertThat(be.servers().get(3).address().port()).isEqualTo(0);
    }

    @Test
    void refusesWhatHaproxyRefuses() {
        for (String range : new String[]{"0", "3-1", "x", "0-2"}) {
            refused("    server-template web " + range + " localhost:1", "lb.cfg:5",
                    "a number of servers (1 or more) or a range LOW-HIGH");
        }
        refused("    server-template web 3", "lb.cfg:5", "expected");
        refused("    server web2 127.0.0.1:1\n    server-template web 3 localhost:1", "lb.cfg:6",
                "server 'web2' is already defined in this section");
        refused("    server-template w 2 localhost:80 resolvers dns", "lb.cfg:5",
                "option 'resolvers' is not supported by bramble; bramble has no resolvers "
                        + "section");
    }

    @Test
    void itBelongsInBackendsAsServerDoes() {
        assertThatThrownBy(() -> new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                frontend f
                    bind :80
                    server-template a 2 localhost:1
                """)).hasMessageContaining("lb.cfg:3: server-template: not allowed in a "
                + "frontend section");
    }
}
