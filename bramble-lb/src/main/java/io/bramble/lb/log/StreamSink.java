package io.bramble.lb.log;

import io.bramble.lb.config.LogLevel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Lines to stdout, stderr or appended to a file, one per line, without their level. */
final class StreamSink implements LogSink {
    private final BufferedWriter out;
    private final boolean closeStream;

    private StreamSink(OutputStream stream, boolean closeStream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
                64 * 1024);
        this.closeStream = closeStream;
    }

    static StreamSink stdout() {
        return new StreamSink(System.out, false);
    }

    static StreamSink stderr() {
        return new StreamSink(System.err, false);
    }

    static StreamSink file(Path path) throws IOException {
        return new StreamSink(Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), true);
    }

    @Override
    public void write(String line, LogLevel level) throws IOException {
        out.write(line);
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
        if (closeStream) {
            out.close();
        }
    }
}
