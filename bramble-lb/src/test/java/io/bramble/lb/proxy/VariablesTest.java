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
 * {@code set-var}, {@code set-var-fmt} and {@code unset-var} in a running load balancer: the
 * values reach conditions and header values, each scope lives as long as HAProxy keeps it
 * ({@code req.*} gone once the response is processed, {@code sess.*} kept for the next request
 * on the same connection, {@code txn.*} not).
 */
class VariablesTest {
    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private int start(int serverPort) {
        int port = TestConfigs.freePort();
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg", """
                listen web
                    mode http
                    bind 127.0.0.1:%d
                    http-request set-var(txn.host) req.hdr(host),lower
                    http-request set-var(req.early) str(yes)
                    http-request set-var(sess.first) path if !{ var(sess.first) -m found }
                    http-request set-var-fmt(txn.who) "%%[src]-%%[var(txn.host)]"
                    http-request set-var(txn.gone) int(1)
                    http-request unset-var(txn.gone)
                    acl blocked var(txn.host) -m str evil.example
                    http-request deny deny_status 403 if blocked
                    http-response set-var(res.status) status
                    http-response set-header X-Host %%[var(txn.host)]
                    http-response set-header X-Early "<%%[var(req.early)]>"
                    http-response set-header X-First %%[var(sess.first)]
                    http-response set-header X-Who %%[var(txn.who)]
                    http-response set-header X-Gone "<%%[var(txn.gone)]>"
                    http-response set-header X-Ok yes if { var(res.status) -m int 200:299 }
                    server app 127.0.0.1:%d
                """.formatted(port, serverPort));
        resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(13),
                "test"));
        return port;
    }

    @Test
    void variablesReachConditionsAndValuesForTheirLifetime() throws Exception {
        TestBackend app = resources.backend("app");
        int port = start(app.port);
        String two = RawHttp.exchange(port, "GET /one HTTP/1.1\r\nHost: WWW.Example\r\n\r\n"
                + "GET /two HTTP/1.1\r\nHost: other\r\nConnection: close\r\n\r\n");
        int second = two.indexOf("HTTP/1.1 ", 1);
        String first = two.substring(0, second).toLowerCase(java.util.Locale.ROOT);
        String next = two.substring(second).toLowerCase(java.util.Locale.ROOT);
        assertThat(first).startsWith("http/1.1 200").contains("x-host: www.example\r\n")
                .contains("x-early: <>\r\n").contains("x-first: /one\r\n")
                .contains("x-who: 127.0.0.1-www.example\r\n").contains("x-gone: <>\r\n")
                .contains("x-ok: yes\r\n");
        assertThat(next).contains("x-host: other\r\n").contains("x-first: /one\r\n");
        assertThat(RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: Evil.Example\r\n"
                + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 403");
    }
}
