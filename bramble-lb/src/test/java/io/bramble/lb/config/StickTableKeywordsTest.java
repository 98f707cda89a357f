package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StickTableKeywordsTest {
    private static LbConfig parse(String text) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", text);
    }

    private static void refused(String lines, String message) {
        assertThatThrownBy(() -> parse("""
                frontend f
                    bind 127.0.0.1:8080
                    default_backend b
                %s
                backend b
                    server s 127.0.0.1:81
                """.formatted(lines))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsATableItsTracksAndItsFetches() {
        LbConfig config = parse("""
                frontend f
                    bind 127.0.0.1:8080
                    stick-table type ip size 1m expire 30s store conn_cur,http_req_rate(10s)
                    tcp-request connection track-sc1 src table per_ip
                    http-request track-sc0 src
                    http-request track-sc2 req.hdr(host),lower table by_host
                    acl abuse sc_http_req_rate(0) gt 100
                    http-request deny deny_status 429 if { sc0_http_req_rate ge 20 } abuse
                    tcp-request connection reject if { src_conn_cur(per_ip) ge 10 }
                    http-request sc-inc-gpc0(1) if { table_cnt 5:10 }
                    http-request sc-set-gpt0(1) 7
                    default_backend b
                backend b
                    server s 127.0.0.1:81
                backend per_ip
                    stick-table type ipv6 size 100k nopurge store conn_cur,gpc0,gpt0,sess_rate(1s)
                backend by_host
                    stick-table type string len 64 size 10 store http_req_cnt
                """);
        ProxyConfig front = config.frontends().getFirst();
        StickTableConfig table = front.stickTable().orElseThrow();
        assertThat(table.keyType()).isEqualTo(StickTableConfig.KeyType.IP);
        assertThat(table.size()).isEqualTo(1L << 20);
        assertThat(table.expireMs()).contains(30_000L);
        assertThat(table.stored()).isEqualTo(Map.of(StickDataType.CONN_CUR, 0L,
                StickDataType.HTTP_REQ_RATE, 10_000L));
        StickTableConfig perIp = config.proxies().stream().filter(p -> p.name()
                .equals("per_ip")).findFirst().orElseThrow().stickTable().orElseThrow();
        assertThat(perIp.noPurge()).isTrue();
        assertThat(perIp.expireMs()).isEmpty();
        assertThat(perIp.periodMs(StickDataType.SESS_RATE)).isEqualTo(1_000);
        assertThat(front.tcpRequestRules().getFirst().action()).isEqualTo(
                new TcpRequestAction.Track(new StickTrack(1, Optional.empty(), "per_ip",
                        new ConfigLocation("lb.cfg", 4))));
        assertThat(front.requestRules()).extracting(HttpRequestRule::action)
                .element(1).isInstanceOfSatisfying(HttpRequestAction.Track.class, t -> {
                    assertThat(t.track().table()).isEqualTo("by_host");
                    assertThat(t.track().key().orElseThrow()).hasToString(
                            "req.hdr(host),lower");
                });
        assertThat(front.acl("abuse").getFirst().stickFetch()).contains(new StickFetch(
                StickFetch.Source.TRACKED, 0, StickDataType.HTTP_REQ_RATE, false,
                Optional.empty()));
        assertThat(front.acls()).extracting(a -> a.stickFetch().orElseThrow())
                .contains(new StickFetch(StickFetch.Source.CLIENT_ADDRESS, 0,
                        StickDataType.CONN_CUR, false, Optional.of("per_ip")))
                .contains(new StickFetch(StickFetch.Source.TABLE_COUNT, 0,
                        StickDataType.CONN_CUR, false, Optional.of("f")));
    }

    @Test
    void integerPatternsReadOperatorsAndRanges() {
        assertThat(IntegerRanges.parse(List.of("gt", "20")).matches(20)).isFalse();
        assertThat(IntegerRanges.parse(List.of("gt", "20")).matches(21)).isTrue();
        assertThat(IntegerRanges.parse(List.of("lt", "3")).matches(2)).isTrue();
        assertThat(IntegerRanges.parse(List.of("le", "3")).matches(4)).isFalse();
        assertThat(IntegerRanges.parse(List.of("5:10", "20")).matches(20)).isTrue();
        assertThat(IntegerRanges.parse(List.of("5:10", "20")).matches(11)).isFalse();
        assertThat(IntegerRanges.parse(List.of(":2")).matches(0)).isTrue();
        assertThat(IntegerRanges.parse(List.of("100:")).matches(1_000_000)).isTrue();
    }

    @Test
    void whatBrambleDoesNotReadIsRefusedWithItsLine() {
        refused("    stick-table type binary len 8 size 1m", "lb.cfg:4: stick-table: stick-table "
                + "type 'binary' is not supported by bramble");
        refused("    stick-table type ip size 1m peers p", "lb.cfg:4: stick-table: 'peers' is not "
                + "supported by bramble");
        refused("    stick-table type ip size 1m store server_id", "data type 'server_id' is "
                + "not supported by bramble");
        refused("    stick-table type ip size 1m store http_req_rate", "data type "
                + "'http_req_rate' needs its period");
        refused("    stick-table type ip expire 10s", "stick-table needs a size");
        refused("    http-request track-sc0 src", "lb.cfg:4: http-request track-sc0: no "
                + "stick-table named 'f'");
        refused("    acl a src_conn_cur(nope) gt 1", "lb.cfg:4: acl: no stick-table named "
                + "'nope'");
        refused("    acl a sc_tracked(0)", "fetch 'sc_tracked(0)' is not supported by bramble");
        refused("    stick-table type ip size 1\n    acl a sc0_conn_cur gt x",
                "expected a positive integer");
        refused("    http-request sc-inc-gpc1(0)", "not supported by bramble");
    }
}
