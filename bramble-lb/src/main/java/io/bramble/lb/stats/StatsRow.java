package io.bramble.lb.stats;

import io.bramble.lb.check.CheckResult;
import io.bramble.lb.check.ServerState;

/**
 * One line of the report: a frontend, a backend or a server.
 *
 * @param type frontend, backend or server
 * @param proxyName the proxy
 * @param name the server's name, or FRONTEND/BACKEND
 * @param counters its counters
 * @param status HAProxy's status text (OPEN, UP, DOWN, UP 1/3, MAINT, no check...)
 * @param state the server's state for colouring; null for frontend and backend rows
 * @param sessionLimit maxconn, 0 when none
 * @param weight current weight (servers), or the sum of usable servers' (backends)
 * @param backup a backup server
 * @param activeServers usable primary servers (backend row), or 1/0 for a server
 * @param backupServers usable backup servers (backend row), or 1/0 for a server
 * @param lastCheck the last check's result, or null
 * @param failedChecks failed checks so far (servers)
 * @param downTransitions UP to DOWN transitions (servers and backends)
 * @param sinceLastChangeS seconds since the last state change, -1 when not tracked
 * @param downtimeS seconds spent DOWN, -1 when not tracked
 * @param proxyId HAProxy's iid: the proxy's position from 1
 * @param serverId HAProxy's sid: the server's position from 1, 0 otherwise
 */
public record StatsRow(
        RowType type,
        String proxyName,
        String name,
        TrafficCounters counters,
        String status,
        ServerState state,
        long sessionLimit,
        long weight,
        boolean backup,
        int activeServers,
        int backupServers,
        CheckResult lastCheck,
        long failedChecks,
        long downTransitions,
        long sinceLastChangeS,
        long downtimeS,
        int proxyId,
        int serverId) {}
