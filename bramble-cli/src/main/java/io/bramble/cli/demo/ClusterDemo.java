package io.bramble.cli.demo;

import io.bramble.cli.Main;
import io.bramble.common.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bramble demo cluster} from start to end: two {@code bramble node} children and a
 * witness, seed 003's group of a floating IP and a web server made with pcs's words, and a
 * {@link Probe} asking for the page through the floating IP while the node that serves it is
 * put in standby and then loses its power; then what the client saw. {@link #stop} ends
 * everything it started.
 */
final class ClusterDemo implements PlayedDemo {
    /** Three JVMs start and the pool forms: generous on a busy machine. */
    static final long START_TIMEOUT_MS = 90_000;
    /** A move takes the lease's wait and a start of {@code bramble web}'s JVM. */
    static final long MOVE_TIMEOUT_MS = 60_000;
    /** Answers in a row from the new node that count as the site having moved. */
    private static final int SETTLED = 5;
    private static final long POLL_MS = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ClusterDemoLayout layout;
    private final Console console;
    private final Clock clock;
    private final long startNanos;
    private final Children children;
    private final Samples samples = new Samples();
    private final Probe probe;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** The most nodes seen running the web server at once by the client's checks. */
    private final AtomicInteger mostServing = new AtomicInteger();
    private final List<String> results = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean started;
    private volatile boolean failed;

    ClusterDemo(ClusterDemoLayout layout, Console console, Clock clock) {
        this.layout = layout;
        this.console = console;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.children = new Children(layout.dir(), (child, line) -> {
        }, List.of(
                "-Djdk.net.hosts.file=" + layout.hostsFile()));
        this.probe = new Probe(layout.vip(), ClusterDemoLayout.SITE_PORT, clock, startNanos,
                samples, this::read);
    }

    /** Plays everything; true when the site moved at each step and never ran twice. */
    @Override
    public boolean play() throws IOException, InterruptedException {
        writeFiles();
        intro();
        if (!startPool() || !makeGroup()) {
            failed = !stopping;
            return false;
        }
        Thread.ofPlatform().daemon().name("demo-cluster-client").start(probe);
        Thread.ofPlatform().daemon().name("demo-cluster-seconds").start(this::seconds);
        Optional<String> first = awaitServedBy(List.of(ClusterDemoLayout.name(1),
                ClusterDemoLayout.name(2)), nowMs());
        if (first.isEmpty()) {
            return notSeen("the site answering through " + layout.vip());
        }
        cli(first.get(), "status");
        boolean behaved = standbyMovesIt(first.get()) && powerLossMovesIt(other(first.get()));
        probe.stop();
        if (stopping) {
            return false;
        }
        behaved = summary() && behaved;
        failed = !behaved;
        return behaved;
    }

    @Override
    public boolean failed() {
        return failed;
    }

    /** Stops the client and every child. Safe to call twice and from a shutdown hook. */
    @Override
    public synchronized void stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            return;
        }
        stopping = true;
        probe.stop();
        if (started) {
            console.last("Stopping node1, node2, the witness and the web server.");
        } else {
            console.mute();
        }
        children.stopAll();
        for (int node = 1; node <= 2; node++) {
            webServer(node).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void writeFiles() throws IOException {
        Files.createDirectories(layout.dir());
        Files.writeString(layout.hostsFile(), layout.hostsText());
        Files.createDirectories(layout.site());
        Files.writeString(layout.site().resolve("index.html"), "<html><body>"
                + ClusterDemoLayout.PAGE_TEXT + "</body></html>\n");
        Files.createDirectories(layout.launcher().getParent());
        String quoted = Stream.concat(Stream.of(Children.javaBinary()), Stream.concat(
                Children.JVM_OPTIONS.stream(), Stream.of("-cp", System.getProperty(
                        "java.class.path"), Children.MAIN_CLASS)))
                .map(ClusterDemo::quote)
                .collect(Collectors.joining(" "));
        Files.writeString(layout.launcher(), "#!/bin/sh\n# bramble, as the demo runs it: it"
                + " ends when the demo does.\n" + Children.PARENT_PID_ENV + "="
                + ProcessHandle.current().pid() + " exec " + quoted + " \"$@\"\n");
        Files.setPosixFilePermissions(layout.launcher(), PosixFilePermissions.fromString(
                "rwxr-xr-x"));
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private void intro() {
        console.line("bramble demo cluster: seed 003's floating IP and web server, on this"
                + " machine.");
        console.blank();
        for (int node = 1; node <= 3; node++) {
            console.line(String.format(Locale.ROOT, "  %-8s %s:%d%s", ClusterDemoLayout
                    .name(node), layout.address(node), ClusterDemoLayout.MANAGEMENT_PORT,
                    node == 3 ? "   (a vote in the pool's majority, runs no resources)" : ""));
        }
        console.line("  the site http://" + layout.vip() + ":" + ClusterDemoLayout.SITE_PORT
                + "/   (the floating IP, on whichever node runs the group)");
        console.line("  logs     " + layout.dir());
        console.blank();
    }

    private boolean startPool() throws IOException, InterruptedException {
        console.line("Starting node1, node2 and the witness (bramble node) ...");
        started = true;
        for (int node = 1; node <= 3; node++) {
            startNode(node);
        }
        for (int node = 1; node <= 3; node++) {
            String name = ClusterDemoLayout.name(node);
            if (!await(() -> logSays(name, "listening on"), START_TIMEOUT_MS)) {
                return notSeen(name + " listening");
            }
        }
        return cli("node1", "peer", "probe", ClusterDemoLayout.name(2)) && cli("node1",
                "peer", "probe", layout.address(3));
    }

    private void startNode(int node) throws IOException {
        String name = ClusterDemoLayout.name(node);
        List<String> args = new ArrayList<>(List.of("node", "--state-dir", layout.stateDir(
                node).toString(), "--listen", layout.address(node) + ":"
                        + ClusterDemoLayout.MANAGEMENT_PORT,
                "--brick-port", Integer.toString(
                        ClusterDemoLayout.BRICK_PORT),
                "--name", name));
        if (node == 3) {
            args.add("--witness");
        }
        children.start(name, args.toArray(String[]::new));
    }

    /** Seed 003's lines, with bramble's own agents standing in for IPaddr2 and apache. */
    private boolean makeGroup() {
        String monitor = "interval=2s";
        return cli("node1", "property", "set", "stonith-enabled=false")
                && cli("node1", "resource", "defaults", "update", "resource-stickiness=100")
                && cli("node1", "resource", "create", ClusterDemoLayout.VIP,
                        "ocf:bramble:vip-loopback", "ip=" + layout.vip(), "claims=" + layout
                                .claims(),
                        "op", "monitor", monitor, "--group",
                        ClusterDemoLayout.GROUP)
                && cli("node1", "resource", "create", ClusterDemoLayout.WEB,
                        "ocf:bramble:web", "root=" + layout.site(), "bind=" + layout.vip() + ":"
                                + ClusterDemoLayout.SITE_PORT,
                        "bramble=" + layout.launcher(),
                        "op", "monitor", monitor, "--group", ClusterDemoLayout.GROUP);
    }

    /** Step 1: the serving node in standby; the group moves, then the node comes back. */
    private boolean standbyMovesIt(String serving) throws InterruptedException {
        String other = other(serving);
        console.blank();
        console.line("Step 1 of 2: " + serving + " in standby, as before maintenance, then"
                + " back");
        long fromMs = nowMs();
        cli(other, "cluster", "standby", serving);
        boolean moved = moved("standby", fromMs, other);
        cli(other, "cluster", "unstandby", serving);
        return moved;
    }

    /** Step 2: everything on the serving node is killed; the group moves to the other. */
    private boolean powerLossMovesIt(String serving) throws InterruptedException {
        String other = other(serving);
        console.blank();
        console.line("Step 2 of 2: " + serving + " loses its power (kill -9 of its bramble"
                + " node, its keeper and the web server it runs)");
        long fromMs = nowMs();
        int node = ClusterDemoLayout.number(serving);
        List<ProcessHandle> everything = new ArrayList<>();
        webServer(node).ifPresent(everything::add);
        ProcessHandle.of(children.get(serving).pid()).ifPresent(daemon -> daemon.descendants()
                .forEach(everything::add));
        children.get(serving).kill9();
        everything.forEach(ProcessHandle::destroyForcibly);
        boolean moved = moved("power loss", fromMs, other);
        if (moved) {
            cli(other, "status");
        }
        return moved;
    }

    /** Waits for the site to answer from {@code to}; prints and records what it took. */
    private boolean moved(String step, long fromMs, String to) throws InterruptedException {
        Optional<String> now = awaitServedBy(List.of(to), fromMs);
        if (now.isEmpty()) {
            if (!stopping) {
                console.line("  -> the site did not answer from " + to + " within "
                        + MOVE_TIMEOUT_MS / 1000 + " s; the logs are in " + layout.dir());
                results.add(String.format(Locale.ROOT, "  %-11s did not move", step));
            }
            return false;
        }
        Sample first = samples.settled(fromMs, SETTLED, s -> s.from(to)).orElseThrow();
        List<Sample> between = samples.between(fromMs, first.atMs());
        long failedCount = Samples.failures(between);
        String line = String.format(Locale.ROOT, "%-11s the site answered from %s %s after,"
                + " %d requests failed meanwhile", step, to, duration(first.atMs() - fromMs),
                failedCount);
        console.line("  -> " + line);
        results.add("  " + line);
        return true;
    }

    /** Waits until the site answers from one of {@code nodes}, after {@code fromMs}. */
    private Optional<String> awaitServedBy(List<String> nodes, long fromMs)
            throws InterruptedException {
        return await(() -> servedBy(nodes, fromMs).isPresent(), MOVE_TIMEOUT_MS)
                ? servedBy(nodes, fromMs)
                : Optional.empty();
    }

    private Optional<String> servedBy(List<String> nodes, long fromMs) {
        return nodes.stream().filter(node -> samples.settled(fromMs, SETTLED, s -> s.from(node))
                .isPresent()).findFirst();
    }

    private boolean summary() {
        List<Sample> all = samples.between(0, Long.MAX_VALUE);
        long failedCount = Samples.failures(all);
        console.blank();
        console.line("What the client saw (GET / through " + layout.vip() + " every "
                + Probe.INTERVAL_MS + " ms):");
        console.line(String.format(Locale.ROOT, "client: %d requests, %d ok, %d failed",
                all.size(), all.size() - failedCount, failedCount));
        results.forEach(console::line);
        int most = mostServing.get();
        console.line(most <= 1
                ? "The web server never ran on two nodes at once."
                : "The web server ran on " + most + " nodes at once.");
        console.blank();
        boolean behaved = most <= 1;
        console.line(behaved
                ? "The site moved at each step and never ran twice."
                : "Not every step behaved; the logs are in " + layout.dir());
        return behaved;
    }

    /**
     * The client's reading of an answer: a 200 with the site's page counts, named by the node
     * whose claim holds the floating IP; each answer also counts the web servers running.
     */
    private Sample read(long atMs, long tookMs, String answer) {
        int serving = 0;
        for (int node = 1; node <= 2; node++) {
            serving += webServer(node).isPresent() ? 1 : 0;
        }
        mostServing.accumulateAndGet(serving, Math::max);
        Optional<Sample> failure = Probe.notOk(atMs, tookMs, answer);
        if (failure.isPresent()) {
            return failure.get();
        }
        if (!answer.contains(ClusterDemoLayout.PAGE_TEXT)) {
            return Sample.failed(atMs, tookMs, "another page");
        }
        return Sample.ok(atMs, tookMs, holder(), "");
    }

    /** The node whose claim holds the floating IP, as the vip-loopback agent wrote it. */
    private String holder() {
        try {
            return Files.readString(layout.claims().resolve(layout.vip()).resolve("node"))
                    .strip();
        } catch (IOException e) {
            return "nobody";
        }
    }

    /** The web server that node 1 or 2 runs, by the agent's pid file, while it lives. */
    private Optional<ProcessHandle> webServer(int node) {
        Path pidFile = layout.webPidFile(node);
        try {
            String text = Files.readString(pidFile).strip();
            return text.matches("[0-9]{1,10}")
                    ? ProcessHandle.of(Long.parseLong(text))
                            .filter(ProcessHandle::isAlive)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code bramble ARGS} against {@code node}, showing the line and its output. */
    private boolean cli(String node, String... args) {
        return !stopping && DemoCli.show(console, layout.stateDir(ClusterDemoLayout.number(
                node)), args);
    }

    private boolean logSays(String child, String text) {
        try {
            return Files.readString(layout.dir().resolve(child + ".log")).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean await(BooleanSupplier condition, long timeoutMs)
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
            console.line("  -> not seen within " + START_TIMEOUT_MS / 1000 + " s: " + what
                    + "; the logs are in " + layout.dir());
        }
        failed = !stopping;
        return false;
    }

    /** A line a second: which node answered, what failed. */
    private void seconds() {
        long next = (nowMs() / 1_000 + 1) * 1_000;
        while (!stopping) {
            try {
                Thread.sleep(Math.max(1, next - nowMs()));
            } catch (InterruptedException e) {
                return;
            }
            List<Sample> second = samples.between(next - 1_000, next);
            long failures = Samples.failures(second);
            console.line(String.format(Locale.ROOT, "  %s  node1 %2d  node2 %2d   failed %2d%s",
                    TIME.format(Instant.ofEpochMilli(clock.epochMillis())), second.stream()
                            .filter(s -> s.from("node1")).count(),
                    second.stream().filter(
                            s -> s.from("node2")).count(),
                    failures, failures == 0
                            ? ""
                            : "  (" + String.join("; ", second.stream()
                                    .filter(s -> !s.ok()).map(
                                            Sample::failure)
                                    .distinct()
                                    .limit(2).toList()) + ")"));
            next += 1_000;
        }
    }

    private static String other(String node) {
        return node.equals(ClusterDemoLayout.name(1))
                ? ClusterDemoLayout.name(2)
                : ClusterDemoLayout.name(1);
    }

    private long nowMs() {
        return (clock.nanoTime() - startNanos) / 1_000_000L;
    }

    private static String duration(long ms) {
        return ms < 1_000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
