package io.bramble.vrrp.config;

import io.bramble.common.config.Location;
import java.util.List;

/**
 * A {@code vrrp_script}: a command run every {@code interval}; exit status 0 is success.
 *
 * @param name the block's name, used by {@code track_script}
 * @param command the program and its arguments; run directly, not through a shell, as
 *        keepalived does
 * @param intervalMs time between two runs
 * @param timeoutMs a run taking longer is killed and counts as a failure
 * @param weight added to the priority of tracking instances (see
 *        {@link io.bramble.vrrp.core.TrackedObject})
 * @param reverse {@code weight W reverse}: the weight applies the other way round
 * @param rise successes in a row to count as up again
 * @param fall failures in a row to count as down
 * @param user {@code user USER}; empty for the global script user
 * @param initFail {@code init_fail}: the script counts as down until its first success
 * @param where the {@code vrrp_script} line
 */
public record ScriptConfig(String name, List<String> command, long intervalMs, long timeoutMs,
        int weight, boolean reverse, int rise, int fall, String user, boolean initFail,
        Location where) {
    public static final long INTERVAL_MS_DEFAULT = 1_000;

    public ScriptConfig {
        command = List.copyOf(command);
    }
}
