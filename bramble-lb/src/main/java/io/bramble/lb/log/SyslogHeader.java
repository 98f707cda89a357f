package io.bramble.lb.log;

import io.bramble.lb.config.LogLevel;
import io.bramble.lb.config.LogTarget;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The RFC 3164 header HAProxy 2.6 puts before a line in its default log format,
 * {@code <PRI>Mmm dd hh:mm:ss haproxy[PID]: }, byte for byte: no host name (HAProxy adds one
 * only with {@code log-send-hostname}), the priority being the target's facility and the
 * line's level. A target with {@code format raw} gets its lines without it.
 */
final class SyslogHeader {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss",
            Locale.ROOT);

    /** The facility's part of the priority: its number times 8. */
    private final int facilityBits;
    private final String tail;

    SyslogHeader(LogTarget target, long pid) {
        this.facilityBits = target.facilityCode() * 8;
        this.tail = " haproxy[" + pid + "]: ";
    }

    /** The header of a line of {@code level} written now. */
    String of(LogLevel level) {
        return "<" + (facilityBits + level.code()) + ">"
                + DATE.format(ZonedDateTime.now(ZoneId.systemDefault())) + tail;
    }
}
