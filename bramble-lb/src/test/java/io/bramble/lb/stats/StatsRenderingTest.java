package io.bramble.lb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.check.AdminState;
import io.bramble.lb.check.CheckResult;
import io.bramble.lb.check.CheckStatus;
import io.bramble.lb.check.ServerState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsRenderingTest {
    private static StatsRow server(String name, String status, ServerState state,
            TrafficCounters counters) {
        return new StatsRow(RowType.SERVER, "webfarm", name, counters, status, state, 0, 1,
                false, 1, 0, new CheckResult(CheckStatus.L7OK, 200, "HTTP 200", 3), 2, 1, 40,
                5, 2, 1);
    }

    private static StatsReport report(TrafficCounters web1) {
        TrafficCounters none = new TrafficCounters();
        StatsRow front = new StatsRow(RowType.FRONTEND, "webfarm", "FRONTEND", none, "OPEN",
                null, 2000, 0, false, 0, 0, null, 0, 0, -1, -1, 2, 0);
        StatsRow back = new StatsRow(RowType.BACKEND, "webfarm", "BACKEND", none, "UP", null,
                2000, 1, false, 1, 0, null, 0, 1, -1, -1, 2, 0);
        return new StatsReport(List.of(new StatsProxy("webfarm", "http", List.of(front,
                server("web1", "UP", ServerState.UP, web1),
                server("web2", "DOWN", ServerState.DOWN, none), back))), "lb1", "", 42, 61, 5,
                true, true);
    }

    @Test
    void csvFollowsHaproxyColumnOrder() {
        TrafficCounters web1 = new TrafficCounters();
        web1.sessionStarted(0);
        web1.bytesIn.add(100);
        web1.response(200);
        web1.response(503);
        String[] lines = StatsCsv.render(report(web1), 0).split("\n");
        assertThat(lines[0]).startsWith("# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,"
                + "bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,")
                .endsWith("last_chk,last_agt,qtime,ctime,rtime,ttime,");
        String[] web1Row = lines[2].split(",", -1);
        assertThat(web1Row[0]).isEqualTo("webfarm");
        assertThat(web1Row[1]).isEqualTo("web1");
        assertThat(web1Row[4]).isEqualTo("1");
        assertThat(web1Row[8]).isEqualTo("100");
        assertThat(web1Row[17]).isEqualTo("UP");
        assertThat(web1Row[32]).isEqualTo("2");
        assertThat(web1Row[36]).isEqualTo("L7OK");
        assertThat(web1Row[37]).isEqualTo("200");
        assertThat(web1Row[40]).isEqualTo("1");
        assertThat(web1Row[43]).isEqualTo("1");
        assertThat(lines[3].split(",", -1)[17]).isEqualTo("DOWN");
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1))
                .hasSize(StatsCsv.COLUMNS.size() + 1));
    }

    @Test
    void htmlColoursRowsByStateAndOffersAdminControls() {
        String html = StatsHtml.render(report(new TrafficCounters()), "/stats", "");
        assertThat(html).contains("<tr class=\"server up\" data-name=\"web1\"")
                .contains("<tr class=\"server down\" data-name=\"web2\"")
                .contains("tr.down td,.legend .down{background:#ff9090}")
                .contains("<meta http-equiv=\"refresh\" content=\"5\">")
                .contains("node = <b>lb1</b>").contains("name=\"action\"")
                .doesNotContain("for bramble");
        assertThat(StatsHtml.escape("<a href=\"x\">&")).isEqualTo(
                "&lt;a href=&quot;x&quot;&gt;&amp;");
    }

    @Test
    void prometheusExposesCountersAndStates() {
        TrafficCounters web1 = new TrafficCounters();
        web1.sessionsTotal.add(7);
        String text = StatsPrometheus.render(report(web1));
        assertThat(text).contains("# TYPE haproxy_server_sessions_total counter")
                .contains("haproxy_server_sessions_total{proxy=\"webfarm\",server=\"web1\"} 7")
                .contains("haproxy_server_status{proxy=\"webfarm\",server=\"web2\","
                        + "state=\"DOWN\"} 1")
                .contains("haproxy_frontend_http_requests_total{proxy=\"webfarm\"} 0");
    }

    @Test
    void adminFormsParseOnlyWhenComplete() {
        assertThat(AdminCommand.parse("b=webfarm&s=web1&s=web%32&action=drain")).hasValue(
                new AdminCommand("webfarm", List.of("web1", "web2"), AdminState.DRAIN));
        assertThat(AdminCommand.parse("b=webfarm&action=maint")).isEmpty();
        assertThat(AdminCommand.parse("b=webfarm&s=web1&action=explode")).isEmpty();
        assertThat(AdminCommand.parse("b=%zz&s=a&action=ready")).isEmpty();
    }
}
