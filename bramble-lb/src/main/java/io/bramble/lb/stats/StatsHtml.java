package io.bramble.lb.stats;

import io.bramble.lb.check.CheckResult;
import io.bramble.lb.check.ServerState;

/**
 * The HTML status page: one table per proxy, one row per server between the FRONTEND and
 * BACKEND rows, each server row coloured by its state (UP green, DOWN red, going down orange,
 * going up yellow, MAINT brown, DRAIN blue, backup servers a bluer green). With admin rights
 * each backend table is a form that sets the ticked servers READY, DRAIN or MAINT.
 */
public final class StatsHtml {
    /** Colours per state: the page's style sheet and tests agree on these. */
    static final String STYLE = """
            body{font-family:Arial,Helvetica,sans-serif;font-size:12px;margin:8px}
            h1{font-size:16px;margin:0 0 4px 0}
            table.proxy{border-collapse:collapse;margin:12px 0;min-width:900px}
            table.proxy caption{text-align:left;font-weight:bold;font-size:14px;
            background:#20377a;color:#fff;padding:3px 6px}
            th,td{border:1px solid #999;padding:2px 5px;text-align:right;white-space:nowrap}
            th{background:#dde}
            td.name{text-align:left;font-weight:bold}
            tr.frontend td,tr.backend td{background:#eee;font-weight:bold}
            tr.up td,.legend .up{background:#c0ffc0}
            tr.up.backup td{background:#b0d0ff}
            tr.down td,.legend .down{background:#ff9090}
            tr.going-down td,.legend .going-down{background:#ffd020}
            tr.going-up td,.legend .going-up{background:#ffffa0}
            tr.maint td,.legend .maint{background:#c07820}
            tr.drain td,.legend .drain{background:#20a0ff}
            tr.no-check td,.legend .no-check{background:#e0e0e0}
            .legend span{display:inline-block;padding:1px 6px;margin-right:4px;
            border:1px solid #999}
            """;

    private StatsHtml() {
    }

    /**
     * The page; {@code actionUri} is where the admin form posts, {@code message} a result line
     * to show (empty for none).
     */
    public static String render(StatsReport report, String actionUri, String message) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
        if (report.refreshS() > 0) {
            out.append("<meta http-equiv=\"refresh\" content=\"").append(report.refreshS())
                    .append("\">");
        }
        out.append("<title>Statistics Report</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        header(out, report, message);
        for (StatsProxy proxy : report.proxies()) {
            table(out, proxy, report.admin(), actionUri);
        }
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, StatsReport report, String message) {
        out.append("<h1>Statistics Report");
        if (!report.version().isEmpty()) {
            out.append(" for bramble ").append(escape(report.version()));
        }
        out.append("</h1>\n<p>pid = ").append(report.pid()).append(", uptime = ")
                .append(uptime(report.uptimeS()));
        if (report.showNode()) {
            out.append(", node = <b>").append(escape(report.nodeName())).append("</b>");
        }
        report.description().ifPresent(text -> out.append("<br>description = <b>")
                .append(escape(text)).append("</b>"));
        out.append("</p>\n<p class=\"legend\">");
        for (ServerState state : ServerState.values()) {
            out.append("<span class=\"").append(state.cssClass()).append("\">")
                    .append(state.name().replace('_', ' ')).append("</span>");
        }
        out.append("</p>\n");
        if (!message.isEmpty()) {
            out.append("<p id=\"message\"><b>").append(escape(message)).append("</b></p>\n");
        }
    }

    private static void table(StringBuilder out, StatsProxy proxy, boolean admin,
            String actionUri) {
        boolean form = admin && proxy.rows().stream().anyMatch(r -> r.type() == RowType.SERVER);
        if (form) {
            out.append("<form method=\"post\" action=\"").append(escape(actionUri))
                    .append("\"><input type=\"hidden\" name=\"b\" value=\"")
                    .append(escape(proxy.name())).append("\">");
        }
        out.append("<table class=\"proxy\" id=\"proxy-").append(escape(proxy.name()))
                .append("\"><caption>").append(escape(proxy.name())).append(" (")
                .append(proxy.mode()).append(")</caption>\n<tr>");
        if (form) {
            out.append("<th></th>");
        }
        for (String column : new String[]{"Name", "Status", "Cur", "Max", "Limit", "Total",
                "Bytes in", "Bytes out", "Denied", "Errors req", "Errors conn", "Errors resp",
                "Retries", "Redisp", "Wght", "Act", "Bck", "Chk fail", "Last check", "LastChg",
                "Downtime"}) {
            out.append("<th>").append(column).append("</th>");
        }
        out.append("</tr>\n");
        for (StatsRow row : proxy.rows()) {
            row(out, row, form);
        }
        out.append("</table>\n");
        if (form) {
            out.append("Set ticked servers: <select name=\"action\">"
                    + "<option value=\"ready\">READY</option>"
                    + "<option value=\"drain\">DRAIN</option>"
                    + "<option value=\"maint\">MAINT</option></select> "
                    + "<input type=\"submit\" value=\"Apply\"></form>\n");
        }
    }

    private static void row(StringBuilder out, StatsRow row, boolean form) {
        TrafficCounters c = row.counters();
        String css = switch (row.type()) {
            case FRONTEND -> "frontend";
            case BACKEND -> "backend";
            case SERVER -> "server " + row.state().cssClass() + (row.backup() ? " backup" : "");
        };
        out.append("<tr class=\"").append(css).append("\" data-name=\"")
                .append(escape(row.name())).append("\" data-status=\"")
                .append(escape(row.status())).append("\">");
        if (form) {
            out.append("<td>");
            if (row.type() == RowType.SERVER) {
                out.append("<input type=\"checkbox\" name=\"s\" value=\"")
                        .append(escape(row.name())).append("\">");
            }
            out.append("</td>");
        }
        boolean server = row.type() == RowType.SERVER;
        cell(out, "name", escape(row.name()));
        cell(out, "status", escape(row.status()));
        cell(out, null, Long.toString(c.currentSessions()));
        cell(out, null, Long.toString(c.maxSessions()));
        cell(out, null, row.sessionLimit() > 0 ? Long.toString(row.sessionLimit()) : "");
        cell(out, null, Long.toString(c.sessionsTotal.sum()));
        cell(out, null, Long.toString(c.bytesIn.sum()));
        cell(out, null, Long.toString(c.bytesOut.sum()));
        cell(out, null, Long.toString(c.deniedRequests.sum()));
        cell(out, null, Long.toString(c.requestErrors.sum()));
        cell(out, null, Long.toString(c.connectionErrors.sum()));
        cell(out, null, Long.toString(c.responseErrors.sum()));
        cell(out, null, Long.toString(c.retries.sum()));
        cell(out, null, Long.toString(c.redispatches.sum()));
        boolean hasServers = row.type() != RowType.FRONTEND;
        cell(out, null, hasServers ? Long.toString(row.weight()) : "");
        cell(out, null, hasServers
                ? (server
                        ? (row.backup() ? "-" : "Y")
                        : Integer.toString(row.activeServers()))
                : "");
        cell(out, null, hasServers
                ? (server
                        ? (row.backup() ? "Y" : "-")
                        : Integer.toString(row.backupServers()))
                : "");
        cell(out, null, server ? Long.toString(row.failedChecks()) : "");
        cell(out, "check", server ? checkText(row.lastCheck()) : "");
        cell(out, null, row.sinceLastChangeS() >= 0 ? uptime(row.sinceLastChangeS()) : "");
        cell(out, null, row.downtimeS() >= 0 ? uptime(row.downtimeS()) : "");
        out.append("</tr>\n");
    }

    private static String checkText(CheckResult check) {
        if (check == null) {
            return "";
        }
        String code = check.httpStatus() > 0 ? "/" + check.httpStatus() : "";
        return escape(check.status().name() + code + " in " + check.durationMs() + "ms");
    }

    private static void cell(StringBuilder out, String css, String text) {
        out.append(css == null ? "<td>" : "<td class=\"" + css + "\">").append(text)
                .append("</td>");
    }

    static String uptime(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        return (days > 0 ? days + "d " : "") + hours + "h" + minutes + "m" + secs + "s";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
