package io.bramble.lb.stats;

import java.util.List;

/**
 * One proxy's rows in HAProxy's order: FRONTEND, the servers, BACKEND.
 *
 * @param name the proxy
 * @param mode http or tcp
 * @param rows its rows
 */
public record StatsProxy(String name, String mode, List<StatsRow> rows) {
    public StatsProxy {
        rows = List.copyOf(rows);
    }
}
