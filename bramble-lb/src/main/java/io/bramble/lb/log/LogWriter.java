package io.bramble.lb.log;

import io.bramble.common.net.HostPort;
import io.bramble.lb.config.GlobalSettings;
import io.bramble.lb.config.LogLevel;
import io.bramble.lb.config.LogSettings;
import io.bramble.lb.config.LogTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes traffic logs. Event loops hand lines over through a bounded
 * queue and never wait: when the queue is full the line is dropped and counted, as a syslog
 * datagram would be lost.
 */
public final class LogWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    /** Lines waiting to be written; beyond this they are dropped. */
    public static final int QUEUE_LINES_MAX = 16_384;

    /** A line and, for each sink it goes to, the level it is written at there. */
    private record Entry(List<LogSink> sinks, List<LogLevel> levels, String line) {}

    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_LINES_MAX);
    private final Map<String, LogSink> sinks = new HashMap<>();
    private final LongAdder dropped = new LongAdder();
    private LogSink stdout;
    private LogSink stderr;
    private final long pid;
    private final Thread thread;
    private volatile boolean running = true;

    public LogWriter(long pid) {
        this.pid = pid;
        this.thread = Thread.ofPlatform().daemon().name("lb-log").unstarted(this::run);
        thread.start();
    }

    /**
     * The log of a proxy: its own targets and, with {@code log global}, the global ones.
     * Targets that cannot be opened are reported once and skipped. Each target keeps its
     * levels, also when two of them share an address and facility.
     */
    public synchronized AccessLog open(LogSettings settings, GlobalSettings global) {
        List<LogTarget> targets = new ArrayList<>(settings.targets());
        if (settings.useGlobal()) {
            targets.addAll(global.logTargets());
        }
        List<LogRoute> routes = new ArrayList<>();
        for (LogTarget target : targets) {
            LogSink sink = sinks.computeIfAbsent(target.address() + " " + target.facility()
                    + (target.raw() ? " raw" : ""), key -> openSink(target));
            if (sink != null) {
                routes.add(new LogRoute(sink, target));
            }
        }
        return new AccessLog(this, routes, settings);
    }

    /** Lines dropped because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    void submit(List<LogSink> targets, List<LogLevel> levels, String line) {
        if (!queue.offer(new Entry(targets, levels, line))) {
            dropped.increment();
        }
    }

    private LogSink openSink(LogTarget target) {
        String address = target.address();
        try {
            if (address.equals("stdout")) {
                return formatted(stdout(), target);
            }
            if (address.equals("stderr")) {
                return formatted(stderr(), target);
            }
            if (address.startsWith("/")) {
                Path path = Path.of(address);
                boolean device = address.startsWith("/dev/") || address.startsWith("/run/");
                if (device || Files.exists(path) && !Files.isRegularFile(path)) {
                    LOG.warn("{}: log {}: a syslog socket, which bramble cannot write to; "
                            + "these log lines go to stdout instead, which systemd also "
                            + "collects. Use 'log stdout', a file or HOST:PORT to choose.",
                            target.location(), address);
                    return stdout(); // the journal stamps its lines itself: no header
                }
                return StreamSink.file(path);
            }
            return new SyslogSink(syslogAddress(address), target.raw()
                    ? null
                    : new SyslogHeader(target, pid), target.lineBytesMax());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{}: log {}: cannot open ({}); these lines are not logged there.",
                    target.location(), address, e.getMessage());
            return null;
        }
    }

    /** The stream's lines after the syslog header, unless the target says format raw. */
    private LogSink formatted(LogSink stream, LogTarget target) {
        return target.raw() ? stream : new HeaderedSink(stream, new SyslogHeader(target, pid));
    }

    private LogSink stdout() {
        if (stdout == null) {
            stdout = StreamSink.stdout();
        }
        return stdout;
    }

    private LogSink stderr() {
        if (stderr == null) {
            stderr = StreamSink.stderr();
        }
        return stderr;
    }

    private static InetSocketAddress syslogAddress(String address) throws IOException {
        HostPort parsed = HostPort.tryParse(address)
                .orElseGet(() -> new HostPort(address, LogTarget.SYSLOG_PORT_DEFAULT));
        return parsed.resolve();
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 1024);
                writeAll(batch);
                batch.clear();
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private void writeAll(List<Entry> batch) {
        List<LogSink> touched = new ArrayList<>();
        for (Entry entry : batch) {
            for (int i = 0; i < entry.sinks().size(); i++) {
                LogSink sink = entry.sinks().get(i);
                try {
                    sink.write(entry.line(), entry.levels().get(i));
                    if (!touched.contains(sink)) {
                        touched.add(sink);
                    }
                } catch (IOException e) {
                    dropped.increment();
                }
            }
        }
        for (LogSink sink : touched) {
            try {
                sink.flush();
            } catch (IOException e) {
                dropped.increment();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (LogSink sink : sinks.values()) {
                try {
                    if (sink != null) {
                        sink.close();
                    }
                } catch (IOException e) {
                    LOG.debug("closing a log sink", e);
                }
            }
        }
    }
}
