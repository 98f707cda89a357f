package io.bramble.vrrp.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.List;

/** A {@code vrrp_script} while it is read. */
final class ScriptDraft {
    final String name;
    final Location where;
    final Diagnostics diagnostics;
    List<String> command = List.of();
    long intervalMs = ScriptConfig.INTERVAL_MS_DEFAULT;
    long timeoutMs = -1;
    int weight;
    boolean reverse;
    int rise = 1;
    int fall = 1;
    String user = "";
    boolean initFail;

    ScriptDraft(String name, Location where, Diagnostics diagnostics) {
        this.name = name;
        this.where = where;
        this.diagnostics = diagnostics;
    }

    /** A run may take up to the interval unless told otherwise. */
    ScriptConfig freeze() {
        if (command.isEmpty()) {
            diagnostics.error(where, "vrrp_script", name + ": expected a 'script' line");
        }
        return new ScriptConfig(name, command, intervalMs, timeoutMs < 0
                ? intervalMs
                : timeoutMs, weight, reverse, rise, fall, user, initFail, where);
    }
}
