package io.bramble.lb.log;

import io.bramble.lb.config.LogFormat;
import io.bramble.lb.config.LogSettings;
import java.util.List;

/** One proxy's traffic log: where its lines go and in which format. Thread-safe. */
public final class AccessLog {
    private final LogWriter writer;
    private final List<LogSink> sinks;
    private final LogSettings settings;

    AccessLog(LogWriter writer, List<LogSink> sinks, LogSettings settings) {
        this.writer = writer;
        this.sinks = sinks;
        this.settings = settings;
    }

    /** True when lines go anywhere; callers skip formatting otherwise. */
    public boolean enabled() {
        return !sinks.isEmpty();
    }

    public boolean httpFormat() {
        return settings.format() == LogFormat.HTTP;
    }

    /** {@code option dontlognull}: connections that sent nothing are not logged. */
    public boolean dontLogNull() {
        return settings.dontLogNull();
    }

    /** Queues a line; never blocks. */
    public void log(String line) {
        if (!sinks.isEmpty()) {
            writer.submit(sinks, line);
        }
    }
}
