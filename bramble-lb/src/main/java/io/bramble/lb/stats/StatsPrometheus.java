package io.bramble.lb.stats;

import io.bramble.lb.check.ServerState;
import java.util.function.ToLongFunction;

/**
 * Prometheus text exposition (format 0.0.4) of the counters, named as HAProxy's built-in
 * exporter names them ({@code haproxy_server_current_sessions}, ...), so existing dashboards
 * read them.
 */
public final class StatsPrometheus {
    /** The content type Prometheus scrapes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private StatsPrometheus() {
    }

    public static String render(StatsReport report) {
        StringBuilder out = new StringBuilder(8192);
        for (RowType type : RowType.values()) {
            String prefix = "haproxy_" + type.name().toLowerCase(java.util.Locale.ROOT) + "_";
            gauge(out, report, type, prefix + "current_sessions", "Current sessions.",
                    r -> r.counters().currentSessions());
            gauge(out, report, type, prefix + "max_sessions", "Highest current sessions.",
                    r -> r.counters().maxSessions());
            counter(out, report, type, prefix + "sessions_total", "Sessions.",
                    r -> r.counters().sessionsTotal.sum());
            counter(out, report, type, prefix + "bytes_in_total", "Bytes from clients.",
                    r -> r.counters().bytesIn.sum());
            counter(out, report, type, prefix + "bytes_out_total", "Bytes to clients.",
                    r -> r.counters().bytesOut.sum());
            counter(out, report, type, prefix + "http_requests_total", "HTTP requests.",
                    r -> r.counters().requestsTotal.sum());
            if (type != RowType.FRONTEND) {
                counter(out, report, type, prefix + "connection_errors_total",
                        "Failed connections to servers.",
                        r -> r.counters().connectionErrors.sum());
                counter(out, report, type, prefix + "retry_warnings_total", "Retries.",
                        r -> r.counters().retries.sum());
                counter(out, report, type, prefix + "redispatch_warnings_total",
                        "Redispatches.", r -> r.counters().redispatches.sum());
            } else {
                counter(out, report, type, prefix + "request_errors_total",
                        "Invalid requests.", r -> r.counters().requestErrors.sum());
                counter(out, report, type, prefix + "requests_denied_total",
                        "Denied requests.", r -> r.counters().deniedRequests.sum());
            }
            responses(out, report, type, prefix + "http_responses_total");
        }
        serverStates(out, report);
        return out.toString();
    }

    private static void gauge(StringBuilder out, StatsReport report, RowType type, String name,
            String help, ToLongFunction<StatsRow> value) {
        series(out, report, type, name, help, "gauge", value);
    }

    private static void counter(StringBuilder out, StatsReport report, RowType type,
            String name, String help, ToLongFunction<StatsRow> value) {
        series(out, report, type, name, help, "counter", value);
    }

    private static void series(StringBuilder out, StatsReport report, RowType type, String name,
            String help, String kind, ToLongFunction<StatsRow> value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(kind).append('\n');
        for (StatsProxy proxy : report.proxies()) {
            for (StatsRow row : proxy.rows()) {
                if (row.type() == type) {
                    out.append(name).append(labels(row, null)).append(' ')
                            .append(value.applyAsLong(row)).append('\n');
                }
            }
        }
    }

    private static void responses(StringBuilder out, StatsReport report, RowType type,
            String name) {
        out.append("# HELP ").append(name).append(" HTTP responses by status class.\n");
        out.append("# TYPE ").append(name).append(" counter\n");
        for (StatsProxy proxy : report.proxies()) {
            for (StatsRow row : proxy.rows()) {
                if (row.type() != type) {
                    continue;
                }
                for (int statusClass = 0; statusClass <= 5; statusClass++) {
                    String code = statusClass == 0 ? "other" : statusClass + "xx";
                    out.append(name).append(labels(row, "code=\"" + code + "\"")).append(' ')
                            .append(row.counters().responses(statusClass)).append('\n');
                }
            }
        }
    }

    private static void serverStates(StringBuilder out, StatsReport report) {
        out.append("# HELP haproxy_server_status Server state: 1 for the current state.\n");
        out.append("# TYPE haproxy_server_status gauge\n");
        for (StatsProxy proxy : report.proxies()) {
            for (StatsRow row : proxy.rows()) {
                if (row.type() != RowType.SERVER) {
                    continue;
                }
                for (ServerState state : ServerState.values()) {
                    out.append("haproxy_server_status")
                            .append(labels(row, "state=\"" + state.name() + "\"")).append(' ')
                            .append(state == row.state() ? 1 : 0).append('\n');
                }
            }
        }
    }

    private static String labels(StatsRow row, String extra) {
        StringBuilder labels = new StringBuilder("{proxy=\"").append(escape(row.proxyName()))
                .append('"');
        if (row.type() == RowType.SERVER) {
            labels.append(",server=\"").append(escape(row.name())).append('"');
        }
        if (extra != null) {
            labels.append(',').append(extra);
        }
        return labels.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
