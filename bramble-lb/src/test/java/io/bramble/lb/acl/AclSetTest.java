package io.bramble.lb.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.lb.config.AclConfig;
import io.bramble.lb.config.AclFetch;
import io.bramble.lb.config.AclMatch;
import io.bramble.lb.config.AclTerm;
import io.bramble.lb.config.Condition;
import io.bramble.lb.config.ConfigLocation;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AclSetTest {
    record Facts(String method, String uri, Map<String, List<String>> headers, String src)
            implements
                RequestFacts {
        @Override
        public String path() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }

        @Override
        public List<String> headerValues(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of());
        }

        @Override
        public InetAddress source() {
            try {
                return InetAddress.getByName(src);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Facts get(String uri, String host) {
        return new Facts("GET", uri, Map.of("host", List.of(host)), "192.168.56.1");
    }

    private static AclConfig acl(String name, AclFetch fetch, String argument, AclMatch match,
            boolean ignoreCase, String... patterns) {
        return new AclConfig(name, fetch, Optional.ofNullable(argument), match,
                List.of(patterns), ignoreCase, ConfigLocation.NONE);
    }

    private static Condition cond(boolean unless, List<List<String>> names) {
        return new Condition(unless, names.stream().map(branch -> branch.stream()
                .map(n -> n.startsWith("!")
                        ? new AclTerm(n.substring(1), true)
                        : new AclTerm(n, false))
                .toList()).toList(), ConfigLocation.NONE);
    }

    // The static-content rules of Oracle Linux's default haproxy.cfg.
    private final AclSet acls = new AclSet(List.of(
            acl("url_static", AclFetch.PATH, null, AclMatch.BEGINS, true, "/static", "/images",
                    "/javascript", "/stylesheets"),
            acl("url_static", AclFetch.PATH, null, AclMatch.ENDS, true, ".jpg", ".gif", ".png",
                    ".css", ".js"),
            acl("host_www", AclFetch.HDR, "host", AclMatch.BEGINS, true, "www."),
            acl("is_post", AclFetch.METHOD, null, AclMatch.EXACT, false, "POST"),
            acl("lan", AclFetch.SRC, null, AclMatch.IP, false, "192.168.56.0/24"),
            acl("api", AclFetch.PATH, null, AclMatch.DIR, false, "api"),
            acl("num", AclFetch.PATH, null, AclMatch.REGEX, false, "^/n/[0-9]+$")));

    @Test
    void linesOfTheSameNameAreOred() {
        CompiledCondition staticContent = acls.compile(Condition.ifAcl("url_static"));
        assertThat(staticContent.test(get("/IMAGES/a.txt", "x"))).isTrue();
        assertThat(staticContent.test(get("/app/logo.PNG?v=2", "x"))).isTrue();
        assertThat(staticContent.test(get("/app/index.html", "x"))).isFalse();
    }

    @Test
    void termsAreAndedAlternativesOredAndUnlessNegates() {
        CompiledCondition both = acls.compile(cond(false, List.of(List.of("host_www", "lan"))));
        assertThat(both.test(get("/", "WWW.example.com"))).isTrue();
        assertThat(both.test(get("/", "example.com"))).isFalse();
        CompiledCondition either = acls.compile(
                cond(false, List.of(List.of("is_post"), List.of("!lan"))));
        assertThat(either.test(get("/", "x"))).isFalse();
        assertThat(either.test(new Facts("POST", "/", Map.of(), "192.168.56.1"))).isTrue();
        assertThat(either.test(new Facts("GET", "/", Map.of(), "10.0.0.1"))).isTrue();
        CompiledCondition unless = acls.compile(cond(true, List.of(List.of("url_static"))));
        assertThat(unless.test(get("/index.html", "x"))).isTrue();
    }

    @Test
    void dirRegexAndPredefinedAcls() {
        assertThat(acls.compile(Condition.ifAcl("api")).test(get("/v1/api/x", "h"))).isTrue();
        assertThat(acls.compile(Condition.ifAcl("api")).test(get("/v1/apis/x", "h")))
                .isFalse();
        assertThat(acls.compile(Condition.ifAcl("num")).test(get("/n/42", "h"))).isTrue();
        assertThat(acls.compile(Condition.ifAcl("TRUE")).test(get("/", "h"))).isTrue();
        assertThat(acls.compile(Condition.ifAcl("LOCALHOST")).test(get("/", "h"))).isFalse();
        assertThat(acls.compile(Condition.ifAcl("LOCALHOST"))
                .test(new Facts("GET", "/", Map.of(), "127.0.0.1"))).isTrue();
        assertThat(acls.compile(Condition.ifAcl("METH_GET"))
                .test(new Facts("HEAD", "/", Map.of(), "::1"))).isTrue();
    }

    @Test
    void unknownAclIsNamed() {
        assertThatThrownBy(() -> acls.compile(Condition.ifAcl("nope")))
                .hasMessageContaining("unknown acl 'nope'");
    }
}
