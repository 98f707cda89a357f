package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import io.bramble.lb.format.VariableName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableKeywordsTest {
    private static LbConfig parse(String lines) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                frontend f
                    bind 127.0.0.1:8080
                    default_backend b
                %s
                backend b
                    server s 127.0.0.1:81
                """.formatted(lines));
    }

    private static void refused(String lines, String message) {
        assertThatThrownBy(() -> parse(lines)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsTheActionsWithTheNameInParentheses() {
        ProxyConfig front = parse("""
                    http-request set-var(txn.host) req.hdr(host),lower
                    http-request set-var-fmt(sess.who) "%[src]:%[var(txn.host)]"
                    http-request unset-var(proc.flag) if { var(txn.host) -m found }
                    http-response set-var(res.code) status
                """).frontends().getFirst();
        assertThat(front.requestRules()).extracting(HttpRequestRule::action)
                .element(0).isInstanceOfSatisfying(HttpRequestAction.SetVar.class, set -> {
                    assertThat(set.variable()).isEqualTo(new VariableName(
                            VariableName.Scope.TXN, "host"));
                    assertThat(set.value()).hasToString("req.hdr(host),lower");
                });
        assertThat(front.requestRules().get(1).action()).isInstanceOf(
                HttpRequestAction.SetVarFormat.class);
        assertThat(front.requestRules().get(2).action()).isEqualTo(
                new HttpRequestAction.UnsetVar(new VariableName(VariableName.Scope.PROC,
                        "flag")));
        assertThat(front.responseRules().getFirst().action()).isInstanceOf(
                HttpResponseAction.SetVar.class);
    }

    @Test
    void whatBrambleDoesNotReadIsRefusedWithItsLine() {
        refused("    http-request set-var(foo.x) str(1)", "lb.cfg:4: http-request "
                + "set-var(foo.x): expected a variable name starting with proc., sess., txn., "
                + "req. or res., got 'foo.x'");
        refused("    http-request set-var(txn.x,ifnotset) str(1)", "conditions after the "
                + "variable name (ifnotset) are not supported by bramble");
        refused("    http-request set-var(txn.x) req.fhdr(x)", "sample fetch 'req.fhdr' is not "
                + "supported by bramble");
        refused("    acl a var(txn.x) foo", "lb.cfg:4: acl: matching method must be "
                + "specified first (using '-m') for var()");
        refused("    acl a path -m int 3", "'-m int' is read by bramble on var()");
        refused("    http-request set-header X %[var(bad)]", "expected a variable name");
        refused("    tcp-request content set-var(txn.x) src", "the action 'set-var(txn.x)' is "
                + "not supported by bramble in tcp-request rules");
    }
}
