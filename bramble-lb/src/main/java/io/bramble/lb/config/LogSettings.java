package io.bramble.lb.config;

import java.util.List;

/**
 * Where and how a proxy logs its traffic.
 *
 * @param useGlobal {@code log global}: send to the global section's targets too
 * @param targets the proxy's own {@code log} lines
 * @param format {@code option httplog}/{@code tcplog}
 * @param dontLogNull {@code option dontlognull}: no line for connections that sent nothing
 */
public record LogSettings(boolean useGlobal, List<LogTarget> targets, LogFormat format,
        boolean dontLogNull) {
    /** No logging, HAProxy's default for a proxy without {@code log} lines. */
    public static final LogSettings NONE = new LogSettings(false, List.of(), LogFormat.DEFAULT,
            false);

    public LogSettings {
        targets = List.copyOf(targets);
    }

    /** True when the proxy logs anywhere. */
    public boolean enabled() {
        return useGlobal || !targets.isEmpty();
    }
}
