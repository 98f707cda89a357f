package io.bramble.lb.config;

import java.util.List;
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
 * @param raw {@code format raw}: lines go without the syslog header HAProxy's default format
 *        ({@code rfc3164}) puts before them
 * @param location where the line was written
 */
public record LogTarget(String address, String facility, LogLevel levelMax, LogLevel levelMin,
        int lineBytesMax, boolean raw, ConfigLocation location) {
    public static final int SYSLOG_PORT_DEFAULT = 514;
    /** Syslog's facilities, each at its number. */
    public static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon",
            "auth", "syslog", "lpr", "news", "uucp", "cron", "auth2", "ftp", "ntp", "audit",
            "alert", "cron2", "local0", "local1", "local2", "local3", "local4", "local5",
            "local6", "local7");
    /** HAProxy's {@code len} when none is written. */
    public static final int LINE_BYTES_DEFAULT = 1024;

    /** A target of HAProxy's default length and format. */
    public LogTarget(String address, String facility, LogLevel levelMax, LogLevel levelMin,
            ConfigLocation location) {
        this(address, facility, levelMax, levelMin, LINE_BYTES_DEFAULT, false, location);
    }

    /** A target that takes every level as it is. */
    public LogTarget(String address, String facility, ConfigLocation location) {
        this(address, facility, LogLevel.DEBUG, LogLevel.EMERG, location);
    }

    /** The facility's syslog number ({@code local0} is 16); local0's for a name syslog lacks. */
    public int facilityCode() {
        int code = FACILITIES.indexOf(facility.toLowerCase(java.util.Locale.ROOT));
        return code < 0 ? FACILITIES.indexOf("local0") : code;
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
