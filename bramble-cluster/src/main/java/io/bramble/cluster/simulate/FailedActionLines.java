package io.bramble.cluster.simulate;

import io.bramble.cluster.exec.OcfExitCode;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.FailedAction;
import io.bramble.cluster.model.ResourceMeta;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * crm_mon's "Failed Resource Actions" lines (Pacemaker 2.1.5): {@code * db 10s-interval monitor
 * on pcmk-1 returned 'not running' (the pid file is gone) at Tue Nov 14 22:11:40 2023 after
 * 12ms}. Pacemaker keeps one last failure a resource and node, so of several failed operations
 * of one resource on one node only the latest is listed; one whose failure timeout has passed
 * is not.
 */
final class FailedActionLines {
    /** Pacemaker's words for an op-status, by its code; 0 is a result, not listed so. */
    private static final Map<Integer, String> NOT_EXECUTED = Map.of(2, "Timed Out", 3,
            "NOT SUPPORTED", 4, "Error", 5, "Hard error", 6, "Fatal error", 7, "Not installed",
            8, "Internal communication failure", 9, "Cannot execute now", 10,
            "No fence device");
    /** Pacemaker's op-status for an agent that is not installed. */
    private static final int NOT_INSTALLED_STATUS = 7;
    private static final long MS_IN_S = 1000;
    private static final long MS_IN_M = 60 * MS_IN_S;
    private static final long MS_IN_H = 60 * MS_IN_M;
    private static final long MS_IN_D = 24 * MS_IN_H;

    private FailedActionLines() {
    }

    /** The lines for {@code cluster}'s failures, but those expired at {@code now}. */
    static List<String> lines(Cluster cluster, Instant now, ZoneId zone, boolean detailed) {
        Map<String, FailedAction> latest = new LinkedHashMap<>();
        for (FailedAction a : cluster.status().failedActions()) {
            if (expired(cluster, a, now.getEpochSecond()) || notAFailure(cluster, a)) {
                continue;
            }
            latest.merge(a.resource() + "\0" + a.node(), a,
                    (was, later) -> later.epochSeconds() >= was.epochSeconds() ? later : was);
        }
        List<String> out = new ArrayList<>();
        for (FailedAction a : latest.values()) {
            out.add(detailed ? detailedLine(a, zone) : line(a, zone));
        }
        return out;
    }

    /**
     * Pacemaker's rule: a failure is not listed once its resource's {@code failure-timeout}
     * has passed since it, whatever the fail counts say; one without a time never expires.
     */
    private static boolean expired(Cluster cluster, FailedAction a, long nowSeconds) {
        long timeout = cluster.metaOf(a.resource()).map(ResourceMeta::failureTimeoutSeconds)
                .orElse(0L);
        return timeout > 0 && a.epochSeconds() > 0 && nowSeconds >= a.epochSeconds() + timeout;
    }

    /**
     * Pacemaker's rules: "not running" is what a probe looks for, and of a resource the
     * cluster does not manage it is taken as news that it stopped, not as a failure; a probe
     * that finds the agent not installed (code 5, or not able to run it) or its parameters
     * invalid (code 2) is not listed either, as the resource simply cannot run there.
     */
    private static boolean notAFailure(Cluster cluster, FailedAction a) {
        boolean probe = a.operation().equals("monitor") && a.intervalMs() == 0;
        if (probe && (a.rc() == OcfExitCode.ERR_INSTALLED.code()
                || a.rc() == OcfExitCode.ERR_ARGS.code()
                || a.execStatus() == NOT_INSTALLED_STATUS)) {
            return true;
        }
        if (probe && a.execStatus() == FailedAction.DONE
                && a.rc() == OcfExitCode.RUNNING_PROMOTED.code()) {
            return true; // found running promoted: an observation, as bramble's probes take it
        }
        if (a.execStatus() != FailedAction.DONE || a.rc() != OcfExitCode.NOT_RUNNING.code()) {
            return false;
        }
        return probe || !cluster.managed(a.resource());
    }

    /**
     * crm_mon's line with {@code --show-detail}: {@code * db_monitor_10000 on pcmk-1 'not
     * running' (7): call=12, status='complete', exitreason='gone', last-rc-change='Tue Nov 14
     * 22:11:40 2023', queued=0ms, exec=12ms}; what the history does not give is left out.
     */
    static String detailedLine(FailedAction a, ZoneId zone) {
        StringBuilder line = new StringBuilder("  * ").append(a.resource()).append('_').append(
                a.operationKey()).append(" on ").append(a.node()).append(" '").append(
                        OcfExitCode.label(a.rc()))
                .append("' (").append(a.rc()).append(
                        "): call=")
                .append(a.callId() == FailedAction.UNKNOWN
                        ? "unknown"
                        : Long.toString(a.callId()))
                .append(", status='").append(
                        a.execStatus() == FailedAction.DONE
                                ? "complete"
                                : NOT_EXECUTED.getOrDefault(a
                                        .execStatus(), "Unknown"))
                .append('\'');
        if (!a.exitReason().isEmpty()) {
            line.append(", exitreason='").append(a.exitReason()).append('\'');
        }
        if (a.epochSeconds() > 0) {
            line.append(", last-rc-change='").append(MonitorReport.CTIME.format(Instant
                    .ofEpochSecond(a.epochSeconds()).atZone(zone))).append('\'');
        }
        if (a.queueMs() != FailedAction.UNKNOWN) {
            line.append(", queued=").append(a.queueMs()).append("ms");
        }
        if (a.execMs() != FailedAction.UNKNOWN) {
            line.append(", exec=").append(a.execMs()).append("ms");
        }
        return line.toString();
    }

    static String line(FailedAction a, ZoneId zone) {
        StringBuilder line = new StringBuilder("  * ").append(a.resource()).append(' ');
        if (a.intervalMs() > 0) {
            line.append(readable(a.intervalMs())).append("-interval ");
        }
        boolean probe = a.operation().equals("monitor") && a.intervalMs() == 0;
        line.append(probe ? "probe" : a.operation()).append(" on ").append(a.node());
        if (a.execStatus() == FailedAction.DONE) {
            line.append(" returned '").append(OcfExitCode.label(a.rc())).append('\'');
            if (!a.exitReason().isEmpty()) {
                line.append(" (").append(a.exitReason()).append(')');
            }
        } else {
            line.append(" could not be executed (").append(NOT_EXECUTED.getOrDefault(a
                    .execStatus(), "Unknown"));
            if (!a.exitReason().isEmpty()) {
                line.append(": ").append(a.exitReason());
            }
            line.append(')');
        }
        if (a.epochSeconds() > 0) { // 0: the history did not say when
            line.append(" at ").append(MonitorReport.CTIME.format(Instant.ofEpochSecond(a
                    .epochSeconds()).atZone(zone)));
        }
        if (a.execMs() > 0) {
            line.append(" after ").append(readable(a.execMs()));
        }
        return line.toString();
    }

    /**
     * Pacemaker's readable interval: days, hours, minutes and seconds, each only when the
     * time is above a whole one ({@code 60s}, {@code 1m1ms}, {@code 1000ms}, {@code 1.500s}).
     */
    static String readable(long ms) {
        StringBuilder out = new StringBuilder();
        long left = ms;
        if (left > MS_IN_D) {
            out.append(left / MS_IN_D).append('d');
            left %= MS_IN_D;
        }
        if (left > MS_IN_H) {
            out.append(left / MS_IN_H).append('h');
            left %= MS_IN_H;
        }
        if (left > MS_IN_M) {
            out.append(left / MS_IN_M).append('m');
            left %= MS_IN_M;
        }
        if (left > MS_IN_S) {
            out.append(left / MS_IN_S);
            if (left % MS_IN_S > 0) {
                out.append(String.format(java.util.Locale.ROOT, ".%03d", left % MS_IN_S));
            }
            out.append('s');
        } else if (left > 0) {
            out.append(left).append("ms");
        } else if (out.isEmpty()) {
            out.append("0s");
        }
        return out.toString();
    }
}
