package io.bramble.web.log;

import io.bramble.common.time.Clock;
import java.io.Flushable;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per request in Apache's combined log format:
 *
 * <pre>
 * 127.0.0.1 - - [21/Nov/2026:06:21:17 +0000] "GET /index.html HTTP/1.1" 200 1043 "-" "curl/8.5.0"
 * </pre>
 *
 * (host, ident, user, time, request line, status, body bytes or {@code -} for none, Referer,
 * User-Agent). Quotes, backslashes and bytes that are not printable ASCII in the quoted fields
 * are escaped as Apache escapes them, so a client cannot forge a line. Lines from many threads
 * never interleave; each is flushed at once so a reader following the log sees it.
 */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
            "dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private final Appendable out;
    private final Clock clock;
    private final ZoneId zone;
    private boolean failed;

    /**
     * @param out   where lines go, often {@code System.out}
     * @param clock the source of each request's time stamp
     * @param zone  the zone times are shown in (Apache shows the server's local zone)
     */
    public AccessLog(Appendable out, Clock clock, ZoneId zone) {
        this.out = out;
        this.clock = clock;
        this.zone = zone;
    }

    /** The wall-clock time to stamp a request with, taken when it arrives. */
    public long now() {
        return clock.epochMillis();
    }

    /** Writes the line for {@code entry}; a failing output is reported once, then ignored. */
    public void write(AccessLogEntry entry) {
        String line = format(entry);
        synchronized (this) {
            try {
                out.append(line).append('\n');
                if (out instanceof Flushable flushable) {
                    flushable.flush();
                }
            } catch (IOException e) {
                if (!failed) {
                    failed = true;
                    LOG.warn("cannot write the access log; requests are still served", e);
                }
            }
        }
    }

    /** The line for {@code entry}, without a line end. */
    public String format(AccessLogEntry entry) {
        StringBuilder line = new StringBuilder(160);
        line.append(entry.remoteHost()).append(" - - [");
        TIME.formatTo(Instant.ofEpochMilli(entry.receivedEpochMillis()).atZone(zone), line);
        line.append("] ");
        quoted(entry.requestLine(), line).append(' ').append(entry.status()).append(' ');
        if (entry.bodyBytes() > 0) {
            line.append(entry.bodyBytes());
        } else {
            line.append('-');
        }
        line.append(' ');
        quoted(entry.referer(), line).append(' ');
        return quoted(entry.userAgent(), line).toString();
    }

    private static StringBuilder quoted(String value, StringBuilder line) {
        line.append('"');
        if (value == null) {
            line.append('-');
        } else {
            escape(value, line);
        }
        return line.append('"');
    }

    private static void escape(String value, StringBuilder line) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        hex(c, line);
                    } else {
                        line.append(c);
                    }
                }
            }
        }
    }

    /** Request lines and headers hold bytes as chars; a char above 0xFF is shown per byte. */
    private static void hex(char c, StringBuilder line) {
        if (c > 0xFF) {
            hex((char) (c >> 8), line);
            c = (char) (c & 0xFF);
        }
        line.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(
                c & 0xF, 16));
    }
}
