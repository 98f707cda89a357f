package io.bramble.lb.config;

import java.util.Locale;
import java.util.Optional;

/**
 * A syslog severity, most severe first; {@link #code()} is the number syslog carries in a
 * message's priority (emerg 0 to debug 7).
 */
public enum LogLevel {
    EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG;

    /** The level HAProxy gives a traffic line (connection or request log). */
    public static final LogLevel TRAFFIC = INFO;

    /** Syslog's severity number: 0 for emerg, 7 for debug. */
    public int code() {
        return ordinal();
    }

    /** The name written in a haproxy.cfg, such as {@code notice}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level a haproxy.cfg names, such as {@code notice}. */
    public static Optional<LogLevel> of(String keyword) {
        for (LogLevel level : values()) {
            if (level.keyword().equals(keyword)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** True when this level is at least as severe as {@code other}. */
    public boolean atLeast(LogLevel other) {
        return code() <= other.code();
    }

    @Override
    public String toString() {
        return keyword();
    }
}
