package io.bramble.lb.log;

import java.io.IOException;

/** Where log lines go; used only by the log thread. */
interface LogSink extends AutoCloseable {
    void write(String line) throws IOException;

    /** Pushes buffered lines out; called when the queue runs empty. */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
