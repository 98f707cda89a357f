package io.bramble.lb.log;

import io.bramble.lb.config.LogLevel;
import java.io.IOException;

/** Where log lines go; used only by the log thread. */
interface LogSink extends AutoCloseable {
    /** Writes {@code line} at {@code level}, the severity a syslog message carries. */
    void write(String line, LogLevel level) throws IOException;

    /** Pushes buffered lines out; called when the queue runs empty. */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
