package io.bramble.lb.stats;

import io.bramble.lb.check.CheckResult;
import java.util.List;

/**
 * The {@code ;csv} export: HAProxy's columns in HAProxy's order, from {@code pxname} to
 * {@code ttime}, so scripts that index columns keep working; columns bramble does not track
 * (queues, rates, compression, agent, timings) are left empty, as HAProxy does for fields
 * that do not apply.
 */
public final class StatsCsv {
    /** HAProxy's first 62 CSV columns. */
    public static final List<String> COLUMNS = List.of("pxname", "svname", "qcur", "qmax",
            "scur", "smax", "slim", "stot", "bin", "bout", "dreq", "dresp", "ereq", "econ",
            "eresp", "wretr", "wredis", "status", "weight", "act", "bck", "chkfail", "chkdown",
            "lastchg", "downtime", "qlimit", "pid", "iid", "sid", "throttle", "lbtot",
            "tracked", "type", "rate", "rate_lim", "rate_max", "check_status", "check_code",
            "check_duration", "hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx",
            "hrsp_other", "hanafail", "req_rate", "req_rate_max", "req_tot", "cli_abrt",
            "srv_abrt", "comp_in", "comp_out", "comp_byp", "comp_rsp", "lastsess", "last_chk",
            "last_agt", "qtime", "ctime", "rtime", "ttime");

    private StatsCsv() {
    }

    public static String render(StatsReport report, long nowNanos) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# ").append(String.join(",", COLUMNS)).append(",\n");
        for (StatsProxy proxy : report.proxies()) {
            for (StatsRow row : proxy.rows()) {
                appendRow(out, row, report.pid(), proxy.mode(), nowNanos);
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, StatsRow row, long pid, String mode,
            long nowNanos) {
        TrafficCounters c = row.counters();
        boolean server = row.type() == RowType.SERVER;
        boolean http = mode.equals("http");
        CheckResult check = row.lastCheck();
        String[] cells = new String[COLUMNS.size()];
        java.util.Arrays.fill(cells, "");
        cells[0] = row.proxyName();
        cells[1] = row.name();
        cells[4] = Long.toString(c.currentSessions());
        cells[5] = Long.toString(c.maxSessions());
        cells[6] = row.sessionLimit() > 0 ? Long.toString(row.sessionLimit()) : "";
        cells[7] = Long.toString(c.sessionsTotal.sum());
        cells[8] = Long.toString(c.bytesIn.sum());
        cells[9] = Long.toString(c.bytesOut.sum());
        cells[10] = server ? "" : Long.toString(c.deniedRequests.sum());
        cells[11] = Long.toString(c.deniedResponses.sum());
        cells[12] = row.type() == RowType.FRONTEND ? Long.toString(c.requestErrors.sum()) : "";
        if (row.type() != RowType.FRONTEND) {
            cells[13] = Long.toString(c.connectionErrors.sum());
            cells[14] = Long.toString(c.responseErrors.sum());
            cells[15] = Long.toString(c.retries.sum());
            cells[16] = Long.toString(c.redispatches.sum());
            cells[18] = Long.toString(row.weight());
            cells[19] = Integer.toString(row.activeServers());
            cells[20] = Integer.toString(row.backupServers());
            cells[30] = Long.toString(c.selected.sum());
            cells[49] = Long.toString(c.clientAborts.sum());
            cells[50] = Long.toString(c.serverAborts.sum());
        }
        cells[17] = row.status();
        if (server && check != null) {
            cells[21] = Long.toString(row.failedChecks());
            cells[22] = Long.toString(row.downTransitions());
            cells[36] = check.status().name();
            cells[37] = check.httpStatus() > 0 ? Integer.toString(check.httpStatus()) : "";
            cells[38] = Long.toString(check.durationMs());
            cells[56] = csvText(check.info());
        }
        cells[23] = row.sinceLastChangeS() >= 0 ? Long.toString(row.sinceLastChangeS()) : "";
        cells[24] = row.downtimeS() >= 0 ? Long.toString(row.downtimeS()) : "";
        cells[26] = Long.toString(pid);
        cells[27] = Integer.toString(row.proxyId());
        cells[28] = Integer.toString(row.serverId());
        cells[32] = Integer.toString(row.type().csvType());
        if (http) {
            for (int statusClass = 1; statusClass <= 5; statusClass++) {
                cells[38 + statusClass] = Long.toString(c.responses(statusClass));
            }
            cells[44] = Long.toString(c.responses(0));
            cells[48] = Long.toString(c.requestsTotal.sum());
        }
        long last = c.lastSessionNanos();
        cells[55] = last < 0 || row.type() == RowType.FRONTEND
                ? ""
                : Long.toString((nowNanos - last) / 1_000_000_000L);
        out.append(String.join(",", cells)).append(",\n");
    }

    private static String csvText(String text) {
        String cleaned = text.replace('\n', ' ').replace('\r', ' ');
        if (cleaned.indexOf(',') < 0 && cleaned.indexOf('"') < 0) {
            return cleaned;
        }
        return '"' + cleaned.replace("\"", "\"\"") + '"';
    }
}
