package io.bramble.lb.config;

import java.util.List;
import java.util.Optional;

/**
 * Where and how a proxy logs its traffic.
 *
 * @param useGlobal {@code log global}: send to the global section's targets too
 * @param targets the proxy's own {@code log} lines
 * @param format {@code option httplog}/{@code tcplog}, or {@link LogFormat#CUSTOM}
 * @param dontLogNull {@code option dontlognull}: no line for connections that sent nothing
 * @param custom the {@code log-format} line, present exactly when the format is custom
 */
public record LogSettings(boolean useGlobal, List<LogTarget> targets, LogFormat format,
        boolean dontLogNull, Optional<CustomLogFormat> custom) {
    /** No logging, HAProxy's default for a proxy without {@code log} lines. */
    public static final LogSettings NONE = new LogSettings(false, List.of(), LogFormat.DEFAULT,
            false);

    public LogSettings {
        targets = List.copyOf(targets);
        if (custom.isPresent() != (format == LogFormat.CUSTOM)) {
            throw new IllegalArgumentException("a custom format needs its log-format line");
        }
    }

    /** Settings with one of HAProxy's own layouts. */
    public LogSettings(boolean useGlobal, List<LogTarget> targets, LogFormat format,
            boolean dontLogNull) {
        this(useGlobal, targets, format, dontLogNull, Optional.empty());
    }

    /** True when the proxy logs anywhere. */
    public boolean enabled() {
        return useGlobal || !targets.isEmpty();
    }

    /** The same format, logged to {@code targets} (and the global ones if {@code useGlobal}). */
    LogSettings withTargets(boolean useGlobal, List<LogTarget> targets) {
        return new LogSettings(useGlobal, targets, format, dontLogNull, custom);
    }

    /** {@code option httplog}, {@code tcplog} or neither, replacing any log-format line. */
    LogSettings withFormat(LogFormat format) {
        return new LogSettings(useGlobal, targets, format, dontLogNull);
    }

    /** A {@code log-format} line, replacing {@code option httplog} or {@code tcplog}. */
    LogSettings withCustom(CustomLogFormat custom) {
        return new LogSettings(useGlobal, targets, LogFormat.CUSTOM, dontLogNull,
                Optional.of(custom));
    }

    LogSettings withDontLogNull(boolean dontLogNull) {
        return new LogSettings(useGlobal, targets, format, dontLogNull, custom);
    }

    /** As a record's, the {@code log-format} line (as written, with its place) only if any. */
    @Override
    public String toString() {
        return "LogSettings[useGlobal=" + useGlobal + ", targets=" + targets + ", format="
                + format + ", dontLogNull=" + dontLogNull + custom.map(c -> ", logFormat="
                        + c.format() + " at " + c.where()).orElse("")
                + "]";
    }
}
