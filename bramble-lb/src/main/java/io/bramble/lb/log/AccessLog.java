package io.bramble.lb.log;

import io.bramble.lb.config.LogFormat;
import io.bramble.lb.config.LogLevel;
import io.bramble.lb.config.LogSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One proxy's traffic log: where its lines go, at which level, and in which format. A target
 * gets a line only when its level allows it (see {@link
 * io.bramble.lb.config.LogTarget#sentAs}); a sink named by two targets gets the line once, at
 * the level of the first that takes it. Thread-safe.
 */
public final class AccessLog {
    private final LogWriter writer;
    private final LogSettings settings;
    /** Where a traffic line goes, decided once: traffic lines all have the same level. */
    private final List<LogSink> trafficSinks;
    private final List<LogLevel> trafficLevels;

    AccessLog(LogWriter writer, List<LogRoute> routes, LogSettings settings) {
        this.writer = writer;
        this.settings = settings;
        List<LogSink> sinks = new ArrayList<>();
        List<LogLevel> levels = new ArrayList<>();
        pick(routes, LogLevel.TRAFFIC, sinks, levels);
        this.trafficSinks = List.copyOf(sinks);
        this.trafficLevels = List.copyOf(levels);
    }

    /** True when traffic lines go anywhere; callers skip formatting otherwise. */
    public boolean enabled() {
        return !trafficSinks.isEmpty();
    }

    /**
     * True when a line goes out as each request (http) or connection (tcp) ends: traffic lines
     * go somewhere and the format is {@code option httplog} or {@code option tcplog}.
     */
    public boolean logsEnds() {
        return enabled() && settings.format() != LogFormat.DEFAULT;
    }

    /**
     * True when a {@link ConnectLogLine} goes out as each request (http) or connection (tcp)
     * starts: traffic lines go somewhere and neither httplog nor tcplog is set, as in HAProxy.
     */
    public boolean logsStarts() {
        return enabled() && settings.format() == LogFormat.DEFAULT;
    }

    /** {@code option httplog}, {@code option tcplog}, or neither (HAProxy's default). */
    public LogFormat format() {
        return settings.format();
    }

    /**
     * The line of one request (http) or connection (tcp): the {@code log-format} line's, or
     * else {@code tcp}'s layout ({@code option tcplog}, or a tcp proxy) or the httplog one.
     */
    public String line(HttpLogLine.Fields fields, boolean tcp) {
        if (settings.custom().isPresent()) {
            return settings.custom().get().format().render(fields);
        }
        return tcp ? TcpLogLine.format(fields) : HttpLogLine.format(fields);
    }

    /** {@code option dontlognull}: connections that sent nothing are not logged. */
    public boolean dontLogNull() {
        return settings.dontLogNull();
    }

    /** Queues a traffic line, at HAProxy's level for them (info); never blocks. */
    public void log(String line) {
        if (!trafficSinks.isEmpty()) {
            writer.submit(trafficSinks, trafficLevels, line);
        }
    }

    private static void pick(List<LogRoute> routes, LogLevel level, List<LogSink> sinks,
            List<LogLevel> levels) {
        for (LogRoute route : routes) {
            Optional<LogLevel> sent = route.target().sentAs(level);
            if (sent.isPresent() && !sinks.contains(route.sink())) {
                sinks.add(route.sink());
                levels.add(sent.get());
            }
        }
    }
}
