package io.bramble.lb.config;

import java.util.Optional;

/**
 * One {@code log ADDRESS [len N] [format F] FACILITY [LEVEL [MINLEVEL]]} line.
 *
 * @param address {@code stdout}, {@code stderr}, a file or unix socket path such as
 *        {@code /dev/log}, or {@code HOST[:PORT]} for syslog over UDP (port 514 by default)
 * @param facility syslog facility such as {@code local0}
 * @param levelMax {@code LEVEL}: the least severe level sent (e.g. {@code notice} sends
 *        emerg to notice and drops info and debug); debug, all of them, when not written
 * @param levelMin {@code MINLEVEL}: a message more severe than this is sent at this level
 *        instead (e.g. {@code notice} sends an emerg as a notice); emerg, no change, when not
 *        written
 * @param lineBytesMax {@code len N}: a syslog line (its header and text) longer than this is
 *        cut to it before its line feed, as HAProxy cuts it
 * @param location where the line was written
 */
public record LogTarget(String address, String facility, LogLevel levelMax, LogLevel levelMin,
        int lineBytesMax, ConfigLocation location) {
    public static final int SYSLOG_PORT_DEFAULT = 514;
    /** HAProxy's {@code len} when none is written. */
    public static final int LINE_BYTES_DEFAULT = 1024;

    /** A target of HAProxy's default length. */
    public LogTarget(String address, String facility, LogLevel levelMax, LogLevel levelMin,
            ConfigLocation location) {
        this(address, facility, levelMax, levelMin, LINE_BYTES_DEFAULT, location);
    }

    /** A target that takes every level as it is. */
    public LogTarget(String address, String facility, ConfigLocation location) {
        this(address, facility, LogLevel.DEBUG, LogLevel.EMERG, location);
    }

    /**
     * The level a message of {@code level} is sent at to this target, as HAProxy decides it:
     * none when the message is less severe than {@link #levelMax}; else its own level, or
     * {@link #levelMin} when the message is more severe than that.
     */
    public Optional<LogLevel> sentAs(LogLevel level) {
        if (!level.atLeast(levelMax)) {
            return Optional.empty();
        }
        return Optional.of(level.atLeast(levelMin) ? levelMin : level);
    }
}
