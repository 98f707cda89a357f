package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code maxqueue}: taken where HAProxy 2.6.12 never queues on a server (roundrobin or
 * static-rr without cookie: four requests at once to two servers of maxconn 1 maxqueue 1 were
 * all served from the backend's queue), refused where it does (a third request pinned by
 * cookie to such a server got 503 at once).
 */
class MaxqueueTest {
    private static LbConfig parse(String backend) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                defaults
                    mode http
                    default-server maxqueue 256
                backend be
                %s
                """.formatted(backend));
    }

    @Test
    void roundrobinAndStaticRrWithoutCookieTakeIt() {
        assertThat(parse("""
                    balance roundrobin
                    default-server inter 10s maxconn 250 maxqueue 256 weight 100
                    server a 127.0.0.1:1 check
                """).backend("be")).isPresent();
        assertThat(parse("""
                    server a 127.0.0.1:1 maxconn 1 maxqueue 1
                    balance static-rr
                """).backend("be")).isPresent();
    }

    @Test
    void withoutMaxconnTheServerIsNeverFullSoAnyBackendTakesIt() {
        assertThat(parse("""
                    balance leastconn
                    cookie SRV insert
                    server a 127.0.0.1:1 cookie a
                """).backend("be")).isPresent();
        assertThat(parse("""
                    balance source
                    server a 127.0.0.1:1 maxconn 5 maxqueue 0
                """).backend("be")).isPresent();
    }

    @Test
    void whereHaproxyQueuesOnTheServerItIsRefusedAtTheServersLine() {
        assertThatThrownBy(() -> parse("""
                    balance roundrobin
                    server a 127.0.0.1:1 maxconn 1 cookie a
                    cookie SRV insert
                """)).isInstanceOf(ConfigException.class).hasMessageContaining(
                "lb.cfg:6: maxqueue: with cookie persistence, HAProxy queues requests on a "
                        + "full server")
                .hasMessageContaining("bramble has no server queues");
        for (String balance : new String[]{"leastconn", "first", "source", "uri", "random"}) {
            assertThatThrownBy(() -> parse("""
                        server a 127.0.0.1:1 maxconn 1 maxqueue 3
                        balance %s
                    """.formatted(balance))).as(balance).hasMessageContaining(
                    "lb.cfg:5: maxqueue: with balance " + balance + ", HAProxy queues");
        }
        assertThatThrownBy(() -> parse("    server a 127.0.0.1:1 maxqueue -1"))
                .hasMessageContaining("lb.cfg:5");
    }
}
