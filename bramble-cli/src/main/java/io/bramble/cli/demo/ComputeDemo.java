package io.bramble.cli.demo;

import io.bramble.common.time.Clock;
import io.bramble.compute.submit.PiJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bramble demo compute} from start to end: three {@code bramble node} children form a
 * pool, {@code compute start} runs Spark's master and a worker on each, seed 000's Pi job runs
 * through {@code compute submit}; then the master's node loses its power, another node runs
 * the master, and the job runs again. {@link #stop} ends everything it started.
 */
final class ComputeDemo implements PlayedDemo {
    /** Three nodes, Spark's jars copied into each node's cache, four Spark JVMs. */
    static final long START_TIMEOUT_MS = 240_000;
    /** The pool noticing the loss, the wait before the master moves and a JVM's start. */
    static final long MOVE_TIMEOUT_MS = 120_000;
    private static final long POLL_MS = 1_000;
    private static final Pattern MASTER = Pattern.compile(
            "(?m)^Master: spark://\\S+ on (\\S+) \\(ALIVE\\)$");
    private static final Pattern ESTIMATE = Pattern.compile(
            "Spark estimated Pi at ([0-9.]+) in [0-9.]+ seconds using 24 partitions");

    private final ComputeDemoLayout layout;
    private final Console console;
    private final Clock clock;
    private final Children children;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final List<Double> estimates = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean started;
    private volatile boolean failed;

    ComputeDemo(ComputeDemoLayout layout, Console console, Clock clock) {
        this.layout = layout;
        this.console = console;
        this.clock = clock;
        this.children = new Children(layout.dir(), (child, line) -> {
        });
    }

    /** Plays everything; true when Pi was estimated before and after the master moved. */
    @Override
    public boolean play() throws IOException, InterruptedException {
        Files.createDirectories(layout.dir());
        Path jar = PiJob.jar(layout.dir());
        intro();
        boolean behaved = startPool(jar) && masterMoves() && pi(2, jar)
                && cli(2, "compute", "stop") && estimates.size() == 2;
        if (stopping) {
            return false;
        }
        console.blank();
        console.line(behaved
                ? "Pi was estimated on the pool before and after its master's node lost its"
                        + " power: " + estimates + "."
                : "Something did not go as it should: the logs are in " + layout.dir());
        failed = !behaved;
        return behaved;
    }

    @Override
    public boolean failed() {
        return failed;
    }

    /** Stops every node, whose Spark daemons end with them. Safe to call twice. */
    @Override
    public synchronized void stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            return;
        }
        stopping = true;
        if (started) {
            console.last("Stopping spark1, spark2 and spark3 (and their Spark daemons).");
        } else {
            console.mute();
        }
        children.stopAll();
    }

    private void intro() {
        console.line("bramble demo compute: seed 000's Spark cluster on this machine, without"
                + " SSH keys or copies");
        console.blank();
        for (int node = 1; node <= ComputeDemoLayout.NODES; node++) {
            console.line(String.format(Locale.ROOT, "  %-8s %s:%d", ComputeDemoLayout.name(
                    node), layout.address(node), ComputeDemoLayout.MANAGEMENT_PORT));
        }
        console.line("  Spark's master on port " + ComputeDemoLayout.SPARK_PORT
                + ", its web UI on " + ComputeDemoLayout.SPARK_UI_PORT);
        console.line("  logs     " + layout.dir());
        console.blank();
    }

    private boolean startPool(Path jar) throws IOException, InterruptedException {
        console.line("Starting spark1, spark2 and spark3 (bramble node) ...");
        started = true;
        for (int node = 1; node <= ComputeDemoLayout.NODES; node++) {
            children.start(ComputeDemoLayout.name(node), "node", "--state-dir",
                    layout.stateDir(node).toString(), "--listen", layout.address(node) + ":"
                            + ComputeDemoLayout.MANAGEMENT_PORT,
                    "--brick-port",
                    Integer.toString(ComputeDemoLayout.BRICK_PORT), "--name",
                    ComputeDemoLayout.name(node));
        }
        for (int node = 1; node <= ComputeDemoLayout.NODES; node++) {
            String name = ComputeDemoLayout.name(node);
            if (!await(() -> logSays(name, "listening on"), START_TIMEOUT_MS)) {
                return notSeen(name + " listening");
            }
        }
        if (!cli(1, "peer", "probe", layout.address(2)) || !cli(1, "peer", "probe",
                layout.address(3))) {
            return false;
        }
        console.blank();
        console.line("Step 1 of 2: Spark on the pool, and the seed's job (24 partitions,"
                + " 1,000,000 samples).");
        if (!cli(1, "compute", "start", "--worker-cores", "1", "--worker-memory", "1g",
                "--port", Integer.toString(ComputeDemoLayout.SPARK_PORT), "--webui-port",
                Integer.toString(ComputeDemoLayout.SPARK_UI_PORT), "--worker-webui-port",
                Integer.toString(ComputeDemoLayout.WORKER_UI_PORT))) {
            return false;
        }
        console.line("  (each node copies Spark's jars into its cache, then starts its part;"
                + " waiting for 3 workers)");
        if (!await(() -> status(1).contains("Workers: 3 alive"), START_TIMEOUT_MS)) {
            return notSeen("three workers registered");
        }
        return cli(1, "compute", "status") && pi(1, jar);
    }

    /** spark1, the master's node, loses its power; the master moves to spark2 or spark3. */
    private boolean masterMoves() throws InterruptedException {
        console.blank();
        console.line("Step 2 of 2: spark1, which runs the master, loses its power (kill -9 of"
                + " its bramble node; its Spark daemons end with it).");
        long fromMs = clock.millis();
        children.get(ComputeDemoLayout.name(1)).kill9();
        if (!await(() -> movedTo().isPresent(), MOVE_TIMEOUT_MS)) {
            return notSeen("a master on spark2 or spark3 with two workers");
        }
        console.line(String.format(Locale.ROOT, "  -> the master runs on %s with both"
                + " workers %.1f s after the power loss", movedTo().orElseThrow(),
                (clock.millis() - fromMs) / 1000.0));
        return cli(2, "compute", "status");
    }

    private Optional<String> movedTo() {
        String status = status(2);
        Matcher master = MASTER.matcher(status);
        return master.find() && !master.group(1).equals(layout.address(1))
                && status.contains("Workers: 2 alive")
                        ? Optional.of(master.group(1))
                        : Optional.empty();
    }

    /** Runs the seed's job through {@code node}; true when it printed an estimate. */
    private boolean pi(int node, Path jar) {
        return cli(node, "compute", "submit", "--class", PiJob.CLASS, jar.toString(), "24",
                "1000000");
    }

    private String status(int node) {
        return stopping ? "" : DemoCli.run(layout.stateDir(node), "compute", "status").out();
    }

    private boolean cli(int node, String... args) {
        if (stopping) {
            return false;
        }
        console.line("$ bramble " + String.join(" ", args));
        DemoCli.Result result = DemoCli.run(layout.stateDir(node), args);
        result.lines().forEach(console::line);
        Matcher estimate = ESTIMATE.matcher(result.out());
        if (estimate.find()) {
            estimates.add(Double.parseDouble(estimate.group(1)));
        }
        return result.exit() == 0;
    }

    private boolean logSays(String child, String text) {
        try {
            return Files.readString(layout.dir().resolve(child + ".log")).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean await(java.util.function.BooleanSupplier condition, long timeoutMs)
            throws InterruptedException {
        long deadline = clock.millis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (stopping || clock.millis() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
        return true;
    }

    private boolean notSeen(String what) {
        if (!stopping) {
            console.line("  -> not seen in time: " + what + "; the logs are in "
                    + layout.dir());
        }
        return false;
    }
}
