package io.bramble.lb.log;

import io.bramble.lb.config.LogLevel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * RFC 3164 syslog over UDP: {@code <PRI>Mmm dd hh:mm:ss haproxy[PID]: LINE} and a line feed,
 * byte for byte the header HAProxy 2.6 sends (without a host name, which HAProxy adds only with
 * {@code log-send-hostname}), so rsyslog rules written for haproxy keep matching and the
 * receiver names the sending host itself. The priority carries the target's facility and each
 * line's level.
 */
final class SyslogSink implements LogSink {
    private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon",
            "auth", "syslog", "lpr", "news", "uucp", "cron", "auth2", "ftp", "ntp", "audit",
            "alert", "cron2", "local0", "local1", "local2", "local3", "local4", "local5",
            "local6", "local7");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss",
            Locale.ROOT);

    private final DatagramChannel channel;
    private final InetSocketAddress target;
    private final String prefixTail;
    /** The facility's part of the priority: its number times 8. */
    private final int facilityBits;
    /** The target's {@code len}: longer lines are cut to it before their line feed. */
    private final int lineBytesMax;

    SyslogSink(InetSocketAddress target, String facility, long pid, int lineBytesMax)
            throws IOException {
        this.lineBytesMax = lineBytesMax;
        int code = FACILITIES.indexOf(facility.toLowerCase(Locale.ROOT));
        this.facilityBits = (code < 0 ? FACILITIES.indexOf("local0") : code) * 8;
        this.channel = DatagramChannel.open();
        this.target = target;
        this.prefixTail = " haproxy[" + pid + "]: ";
    }

    /** True when the facility is one syslog knows. */
    static boolean knownFacility(String facility) {
        return FACILITIES.contains(facility.toLowerCase(Locale.ROOT));
    }

    @Override
    public void write(String line, LogLevel level) throws IOException {
        String message = "<" + (facilityBits + level.code()) + ">"
                + DATE.format(ZonedDateTime.now(ZoneId.systemDefault())) + prefixTail + line;
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, lineBytesMax);
        ByteBuffer datagram = ByteBuffer.allocate(length + 1).put(bytes, 0, length)
                .put((byte) '\n').flip();
        channel.send(datagram, target);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
