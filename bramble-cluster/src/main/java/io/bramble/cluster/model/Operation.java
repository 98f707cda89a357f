package io.bramble.cluster.model;

import io.bramble.common.check.Checks;
import java.util.OptionalLong;

/**
 * One operation of a resource ({@code op monitor interval=10s timeout=20s}).
 *
 * @param id the operation's id in the CIB
 * @param name the action ({@code monitor}, {@code start}, {@code stop}...)
 * @param intervalMs how often a recurring operation runs; 0 for a one-off action
 * @param timeoutMs the operation's timeout when one is set
 */
public record Operation(String id, String name, long intervalMs, OptionalLong timeoutMs) {
    public Operation {
        Checks.argument(id != null && name != null, "an operation needs an id and a name");
        Checks.inRange(intervalMs, 0, Interval.MAX_MS, "interval (ms)");
    }

    /** Whether the operation repeats (a monitor with an interval). */
    public boolean recurring() {
        return intervalMs > 0;
    }

    /** The key Pacemaker gives this operation's history and fail counts: {@code monitor_10000}. */
    public String key() {
        return name + "_" + intervalMs;
    }
}
