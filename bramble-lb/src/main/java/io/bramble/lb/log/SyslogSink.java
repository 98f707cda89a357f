package io.bramble.lb.log;

import io.bramble.lb.config.LogLevel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Syslog over UDP, one datagram per line: the {@link SyslogHeader} (none with
 * {@code format raw}), the line, cut to the target's {@code len}, and a line feed, as HAProxy
 * sends them, so rsyslog rules written for haproxy keep matching and the receiver names the
 * sending host itself.
 */
final class SyslogSink implements LogSink {
    private final DatagramChannel channel;
    private final InetSocketAddress target;
    /** The header before each line; null for {@code format raw}. */
    private final SyslogHeader header;
    /** The target's {@code len}: longer lines are cut to it before their line feed. */
    private final int lineBytesMax;

    SyslogSink(InetSocketAddress target, SyslogHeader header, int lineBytesMax)
            throws IOException {
        this.lineBytesMax = lineBytesMax;
        this.header = header;
        this.channel = DatagramChannel.open();
        this.target = target;
    }

    @Override
    public void write(String line, LogLevel level) throws IOException {
        String message = header == null ? line : header.of(level) + line;
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
