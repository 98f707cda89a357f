package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which proxy's stats page answers, each expected answer being what HAProxy 2.6.12 gave for
 * the same file and request: a backend's page is served to the frontends that route to it, a
 * listen's and one from the defaults section too, and a frontend's http-request deny hides
 * the frontend's page.
 */
class StatsPageWhereTest {
    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    /** Starts the file with %1$d the frontend's port, %2$d the second's, %3$d the server's. */
    private int[] start(String file, int serverPort) {
        int front = TestConfigs.freePort();
        int second = TestConfigs.freePort();
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg",
                file.formatted(front, second, serverPort));
        resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(5),
                "test"));
        return new int[]{front, second};
    }

    private static String get(int port, String path) throws Exception {
        return RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
    }

    @Test
    void aBackendsStatsPageIsServedThroughTheFrontendAndOtherPathsGoToItsServers()
            throws Exception {
        TestBackend app = resources.backend("app");
        int[] ports = start("""
                defaults
                    mode http
                frontend fe
                    bind 127.0.0.1:%1$d
                    http-request replace-path /renamed(.*) /st\\1
                    default_backend be
                listen li
                    bind 127.0.0.1:%2$d
                    stats enable
                    stats uri /st2
                    server app 127.0.0.1:%3$d
                backend be
                    stats enable
                    stats uri /st
                    server app 127.0.0.1:%3$d
                """, app.port);
        assertThat(get(ports[0], "/st;csv")).startsWith("HTTP/1.1 200")
                .contains("# pxname,svname,").contains("\nbe,BACKEND,");
        assertThat(get(ports[0], "/renamed")).startsWith("HTTP/1.1 200")
                .contains("<title>Statistics Report");
        assertThat(app.requests).hasValue(0);
        assertThat(get(ports[0], "/other")).startsWith("HTTP/1.1 200");
        assertThat(app.requests).hasValue(1);
        assertThat(get(ports[1], "/st2;csv")).startsWith("HTTP/1.1 200")
                .contains("\nli,FRONTEND,");
        assertThat(app.requests).hasValue(1);
    }

    @Test
    void aStatsPageFromTheDefaultsIsServedAndAFrontendDenyHidesIt() throws Exception {
        TestBackend app = resources.backend("app");
        int[] ports = start("""
                defaults
                    mode http
                    stats enable
                    stats uri /st
                frontend fe
                    bind 127.0.0.1:%1$d
                    default_backend be
                frontend guarded
                    bind 127.0.0.1:%2$d
                    http-request deny if { path_beg /st }
                    default_backend be
                backend be
                    server app 127.0.0.1:%3$d
                """, app.port);
        assertThat(get(ports[0], "/st;csv")).startsWith("HTTP/1.1 200")
                .contains("# pxname,svname,");
        assertThat(get(ports[1], "/st;csv")).startsWith("HTTP/1.1 403");
        assertThat(app.requests).hasValue(0);
    }
}
