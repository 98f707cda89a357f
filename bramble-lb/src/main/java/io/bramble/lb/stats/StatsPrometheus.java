package io.bramble.lb.stats;

import io.bramble.common.metrics.PrometheusText;
import io.bramble.common.metrics.PrometheusText.Type;
import io.bramble.lb.check.ServerState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Prometheus text exposition (format 0.0.4) of the counters, named as HAProxy's built-in
 * exporter names them ({@code haproxy_server_current_sessions}, ...), so existing dashboards
 * read them.
 */
public final class StatsPrometheus {
    /** The content type Prometheus scrapes. */
    public static final String CONTENT_TYPE = PrometheusText.CONTENT_TYPE;

    private StatsPrometheus() {
    }

    public static String render(StatsReport report) {
        PrometheusText out = new PrometheusText();
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
        return out.text();
    }

    private static void gauge(PrometheusText out, StatsReport report, RowType type,
            String name, String help, ToLongFunction<StatsRow> value) {
        series(out, report, type, name, help, Type.GAUGE, value);
    }

    private static void counter(PrometheusText out, StatsReport report, RowType type,
            String name, String help, ToLongFunction<StatsRow> value) {
        series(out, report, type, name, help, Type.COUNTER, value);
    }

    private static void series(PrometheusText out, StatsReport report, RowType type,
            String name, String help, Type kind, ToLongFunction<StatsRow> value) {
        out.family(name, kind, help);
        for (StatsProxy proxy : report.proxies()) {
            for (StatsRow row : proxy.rows()) {
                if (row.type() == type) {
                    out.sample(name, value.applyAsLong(row), labels(row));
                }
            }
        }
    }

    private static void responses(PrometheusText out, StatsReport report, RowType type,
            String name) {
        out.family(name, Type.COUNTER, "HTTP responses by status class.");
        for (StatsProxy proxy : report.proxies()) {
            for (StatsRow row : proxy.rows()) {
                if (row.type() != type) {
                    continue;
                }
                for (int statusClass = 0; statusClass <= 5; statusClass++) {
                    String code = statusClass == 0 ? "other" : statusClass + "xx";
                    out.sample(name, row.counters().responses(statusClass), labels(row, "code",
                            code));
                }
            }
        }
    }

    private static void serverStates(PrometheusText out, StatsReport report) {
        String name = "haproxy_server_status";
        out.family(name, Type.GAUGE, "Server state: 1 for the current state.");
        for (StatsProxy proxy : report.proxies()) {
            for (StatsRow row : proxy.rows()) {
                if (row.type() != RowType.SERVER) {
                    continue;
                }
                for (ServerState state : ServerState.values()) {
                    out.sample(name, state == row.state() ? 1 : 0, labels(row, "state", state
                            .name()));
                }
            }
        }
    }

    /** The row's proxy, its server for a server's row, then {@code extra} name and value. */
    private static String[] labels(StatsRow row, String... extra) {
        List<String> labels = new ArrayList<>(List.of("proxy", row.proxyName()));
        if (row.type() == RowType.SERVER) {
            labels.addAll(List.of("server", row.name()));
        }
        labels.addAll(List.of(extra));
        return labels.toArray(String[]::new);
    }
}
