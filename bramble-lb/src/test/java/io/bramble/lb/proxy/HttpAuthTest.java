package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code http-request auth} with {@code http_auth} and {@code http_auth_group} through a real
 * listener: the 401 and its {@code www-authenticate} are what HAProxy 2.6.12 sent for the same
 * lines and requests, and only proven users reach the server.
 */
class HttpAuthTest {
    private static final String SHA512 = "$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U"
            + "0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1";
    private static final String PAGE = "<html><body><h1>401 Unauthorized</h1>\nYou need a valid "
            + "user and password to access this content.\n</body></html>\n";

    private final TestResources resources = new TestResources();
    @TempDir
    private Path folder;
    private TestBackend app;

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private int start(String defaults) throws Exception {
        app = resources.backend("app");
        int port = TestConfigs.freePort();
        LbConfig config = new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                defaults
                    mode http
                %s
                userlist L1
                    group G1 users tiger,scott
                    group G2
                    user tiger password %s
                    user scott insecure-password elgato
                    user xdoe insecure-password hello groups G2
                frontend fe
                    bind 127.0.0.1:%d
                    acl auth_ok http_auth(L1)
                    acl g2 http_auth_group(L1) G2
                    http-request auth if !auth_ok
                    http-request auth realm "My Zone" if { path_beg /g2 } !g2
                    default_backend be
                backend be
                    server app 127.0.0.1:%d
                """.formatted(defaults, SHA512, port, app.port));
        resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(3),
                "test"));
        return port;
    }

    private static String get(int port, String path, String user) throws Exception {
        String credentials = user == null
                ? ""
                : "Authorization: Basic " + Base64.getEncoder()
                        .encodeToString(user.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        return RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + credentials
                + "Connection: close\r\n\r\n");
    }

    @Test
    void withoutCredentialsTheClientGetsHaproxysPageAndTheProxysNameAsRealm() throws Exception {
        int port = start("");
        String denied = get(port, "/", null);
        assertThat(denied).startsWith("HTTP/1.1 401 Unauthorized\r\n").endsWith("\r\n\r\n"
                + PAGE).containsIgnoringCase("content-length: 112\r\n")
                .containsIgnoringCase("cache-control: no-cache\r\n")
                .containsIgnoringCase("content-type: text/html\r\n")
                .containsIgnoringCase("www-authenticate: Basic realm=\"fe\"\r\n");
        assertThat(get(port, "/", "tiger:wrong")).startsWith("HTTP/1.1 401 ");
        assertThat(get(port, "/", "nobody:elgato")).startsWith("HTTP/1.1 401 ");
        assertThat(app.requests).hasValue(0);
    }

    @Test
    void aProvenUserReachesTheServerAndAGroupRuleAsksForItsOwnRealm() throws Exception {
        int port = start("");
        assertThat(get(port, "/", "tiger:secret")).startsWith("HTTP/1.1 200 ");
        assertThat(get(port, "/", "scott:elgato")).startsWith("HTTP/1.1 200 ");
        assertThat(get(port, "/g2", "scott:elgato")).startsWith("HTTP/1.1 401 ")
                .containsIgnoringCase("www-authenticate: Basic realm=\"My Zone\"\r\n");
        assertThat(get(port, "/g2", "xdoe:hello")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void anErrorfileFor401ReplacesThePageAndKeepsTheChallenge() throws Exception {
        Path page = Files.writeString(folder.resolve("401.http"), "HTTP/1.1 401 Unauthorized\r\n"
                + "content-type: text/plain\r\n\r\ncustom\n");
        int port = start("    errorfile 401 " + page);
        assertThat(get(port, "/", null)).startsWith("HTTP/1.1 401 Unauthorized\r\n")
                .containsIgnoringCase("content-type: text/plain\r\n")
                .containsIgnoringCase("www-authenticate: Basic realm=\"fe\"\r\n")
                .endsWith("\r\n\r\ncustom\n");
    }
}
