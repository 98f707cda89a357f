package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Small files HAProxy 2.6 reads ({@code haproxy -c}), each checked for what bramble makes of
 * it: the same meaning, HAProxy's warning, or one precise error and no second one caused by
 * the first.
 */
class HaproxySyntaxTest {
    private static final String HTTP_DEFAULTS = """
            defaults
                mode http
                timeout connect 1s
                timeout client 1s
                timeout server 1s
            """;

    private static LbConfig parse(String text) {
        return parse(Map.of(), text);
    }

    private static LbConfig parse(Map<String, String> environment, String text) {
        return new HaproxyConfigParser(environment, true, path -> OptionalLong.of(100))
                .parse("t.cfg", text);
    }

    /** Every message of a file that has errors, as printed. */
    private static List<String> messages(String text) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(text));
        assertThat(e).as("errors expected").isNotNull();
        return e.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aBlankAfterTheNegationMarkNegatesTheNextAclOrAnonymousAcl() {
        LbConfig config = parse(HTTP_DEFAULTS + """
                frontend f
                    bind :8080
                    acl admin path_beg /admin
                    http-request deny if ! admin
                    http-request deny if ! { path /y } admin
                    http-request deny if !admin
                    default_backend b
                backend b
                    server s 127.0.0.1:80
                """);
        List<HttpRequestRule> rules = config.proxies().getFirst().requestRules();
        assertThat(rules.get(0).condition().orElseThrow().alternatives())
                .containsExactly(List.of(new AclTerm("admin", true)));
        assertThat(rules.get(1).condition().orElseThrow().alternatives().getFirst())
                .extracting(AclTerm::negated).containsExactly(true, false);
        assertThat(rules.get(2).condition()).isEqualTo(rules.get(0).condition()
                .map(c -> new Condition(c.unless(), c.alternatives(), rules.get(2).condition()
                        .orElseThrow().location())));
    }
}
