package io.bramble.lb.log;

import io.bramble.lb.config.LogLevel;
import java.io.IOException;

/**
 * Lines to stdout or stderr in HAProxy's default log format: each after its
 * {@link SyslogHeader}, as HAProxy writes them there unless the target says
 * {@code format raw}. The stream underneath is shared and stays open.
 */
final class HeaderedSink implements LogSink {
    private final LogSink stream;
    private final SyslogHeader header;

    HeaderedSink(LogSink stream, SyslogHeader header) {
        this.stream = stream;
        this.header = header;
    }

    @Override
    public void write(String line, LogLevel level) throws IOException {
        stream.write(header.of(level) + line, level);
    }

    @Override
    public void flush() throws IOException {
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        stream.flush();
    }
}
