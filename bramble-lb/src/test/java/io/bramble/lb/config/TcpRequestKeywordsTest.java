package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpRequestKeywordsTest {
    private static LbConfig parse(String text) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", text);
    }

    private static void refused(String lines, String message) {
        assertThatThrownBy(() -> parse("""
                frontend f
                    mode tcp
                    bind 127.0.0.1:8080
                    acl private src 10.0.0.0/8
                    acl api path_beg /api
                    default_backend b
                %s
                backend b
                    mode tcp
                    server s 127.0.0.1:81
                """.formatted(lines))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsAcceptAndRejectRulesInOrderAndTheInspectDelay() {
        LbConfig config = parse("""
                frontend apt_proxy
                    bind *:3142
                    mode http
                    tcp-request inspect-delay 5s
                    acl white_list src 10.0.0.0/8 172.16.0.0/12 127.0.0.1
                    tcp-request content accept if white_list
                    tcp-request content reject
                    tcp-request connection reject if { src 192.0.2.1 }
                    default_backend b
                backend b
                    mode http
                    server s 127.0.0.1:81
                """);
        assertThat(config.frontends().getFirst().tcpRequestRules())
                .extracting(TcpRequestRule::phase,
                        r -> r.action() instanceof TcpRequestAction.Accept,
                        r -> r.condition().isPresent())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TcpRequestRule.Phase.CONTENT,
                                true, true),
                        org.assertj.core.groups.Tuple.tuple(TcpRequestRule.Phase.CONTENT,
                                false, false),
                        org.assertj.core.groups.Tuple.tuple(TcpRequestRule.Phase.CONNECTION,
                                false, true));
    }

    @Test
    void tcpContentRulesReadTheClientsFirstBytesAndKeepTheInspectDelay() {
        LbConfig config = parse("""
                frontend f
                    mode tcp
                    bind 127.0.0.1:8443
                    tcp-request inspect-delay 5s
                    acl sized req.len ge 5
                    tcp-request content accept if { req_ssl_hello_type 1 } || sized
                    use_backend b if { req.ssl_alpn acme-tls/1 } || { req_ssl_sni -i a.example }
                    default_backend b
                backend b
                    mode tcp
                    server s 127.0.0.1:81
                """);
        ProxyConfig frontend = config.frontends().getFirst();
        assertThat(frontend.inspectDelayMs()).isEqualTo(5_000);
        assertThat(frontend.acls()).extracting(AclConfig::fetch, AclConfig::match).contains(
                org.assertj.core.groups.Tuple.tuple(AclFetch.REQ_LEN, AclMatch.INTEGER));
        refused("    tcp-request connection reject if { req.len 0 }", "lb.cfg:7: tcp-request: "
                + "ACL '");
        refused("    tcp-request content reject if { req.ssl_ver 3 }",
                "lb.cfg:7: tcp-request content: "
                        + "criterion 'req.ssl_ver' is not supported by bramble");
    }

    @Test
    void whatBrambleDoesNotReadIsRefusedWithItsLine() {
        refused("    tcp-request content reject if api", "lb.cfg:7: tcp-request: ACL 'api' "
                + "looks at path");
        refused("    tcp-request content set-var(txn.x) src", "lb.cfg:7: tcp-request content: "
                + "the action 'set-var(txn.x)' is not supported by bramble");
        refused("    tcp-request content track-sc0 hdr(host)", "lb.cfg:7: tcp-request content: "
                + "tcp-request track rules of bramble take 'src' as their key");
        refused("    tcp-request connection track-sc1 src", "lb.cfg:7: tcp-request connection: "
                + "no stick-table named 'f'");
        refused("    tcp-request session reject", "lb.cfg:7: tcp-request session: not "
                + "supported by bramble");
        refused("    tcp-request inspect-delay soon", "lb.cfg:7: tcp-request inspect-delay");
        assertThatThrownBy(() -> parse("""
                backend b
                    mode tcp
                    tcp-request content reject
                    server s 127.0.0.1:81
                """)).isInstanceOf(ConfigException.class).hasMessageContaining(
                "lb.cfg:3: tcp-request content: tcp-request content rules in a backend "
                        + "section are not supported by bramble");
        assertThatThrownBy(() -> parse("""
                backend b
                    tcp-request connection reject
                    server s 127.0.0.1:81
                """)).isInstanceOf(ConfigException.class).hasMessageContaining(
                "lb.cfg:2: tcp-request connection: not allowed in a backend section");
    }
}
