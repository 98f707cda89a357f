package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.ProxyConfig;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How rule answers are logged and counted, as HAProxy 2.6.12 logged the same rules: a deny
 * (whatever its status) is {@code PR--} and a denied request; a redirect and a return, even
 * with status 403, are {@code LR--} and not denied.
 */
class RuleAnswerTest {
    private final ProxyConfig config = new HaproxyConfigParser(Map.of(), true).parse("lb.cfg",
            """
                    frontend fe
                        bind :80
                        http-request deny deny_status 404 if { path /d }
                        http-request redirect location /x if { path /r }
                        http-request return status 403 if { path /t }
                        default_backend app
                    backend app
                        server s 127.0.0.1:81
                    """).frontends().getFirst();
    private final RequestRules rules = new RequestRules(config, new AclSet(config.acls()));

    private RuleAnswer answer(String target) {
        RequestView view = new RequestView(new DefaultHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.GET, target), new InetSocketAddress("127.0.0.1", 40000),
                new InetSocketAddress("127.0.0.1", 80), false, "vm", "fe");
        return rules.answer(view, new ErrorPages(Map.of()), () -> null);
    }

    @Test
    void denyIsTheProxysRefusalAndRedirectOrReturnItsOwnAnswer() {
        RuleAnswer deny = answer("/d");
        assertThat(deny.response().status().code()).isEqualTo(404);
        assertThat(deny.termination()).isEqualTo("PR--");
        assertThat(deny.denied()).isTrue();
        RuleAnswer redirect = answer("/r");
        assertThat(redirect.response().status().code()).isEqualTo(302);
        assertThat(redirect.termination()).isEqualTo("LR--");
        assertThat(redirect.denied()).isFalse();
        RuleAnswer reply = answer("/t");
        assertThat(reply.response().status().code()).isEqualTo(403);
        assertThat(reply.termination()).isEqualTo("LR--");
        assertThat(reply.denied()).isFalse();
        assertThat(answer("/other")).isNull();
    }
}
