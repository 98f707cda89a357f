package io.bramble.cli.demo;

import io.bramble.cli.Main;
import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.pool.local.NodeClient;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bramble demo fs} from start to end: two {@code bramble node} children and a witness,
 * seed 001's replicated volume made with the CLI, a {@code bramble mount --foreground} child,
 * and a {@link DateClient} writing the date through the mount while node 2 is killed and
 * started again; then what the client saw and what each brick holds. {@link #stop} ends
 * everything it started and leaves nothing mounted.
 */
final class FsDemo implements PlayedDemo {
    /** Three JVMs start, the pool forms, the mount's JVM starts: generous on a busy machine. */
    static final long START_TIMEOUT_MS = 90_000;
    /** Once node 2 is back, the client's writes reach its brick again within this. */
    static final long CATCH_UP_TIMEOUT_MS = 45_000;
    private static final long BEFORE_MS = 2_000;
    private static final long DOWN_MS = 2_000;
    private static final long AFTER_MS = 2_000;
    private static final long POLL_MS = 100;
    /** A node's log line worth showing, after its time stamp. */
    private static final Pattern NODE_EVENT = Pattern.compile("^\\S+Z (.*(Connected|"
            + "Disconnected|quorum|serving brick|rejoining).*)$");
    /** A mount client's warning or error, after its time. */
    private static final Pattern CLIENT_EVENT = Pattern.compile(
            "^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (?:WARN|ERROR) +(.*)$");

    private final FsDemoLayout layout;
    private final FuseAccess access;
    private final Console console;
    private final Clock clock;
    private final Children children;
    private final DateClient client;
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile boolean showSeconds;
    /** Whether any child was started, so that stopping has something to say. */
    private volatile boolean started;
    /** Something did not behave: the logs are worth keeping. */
    private volatile boolean failed;

    FsDemo(FsDemoLayout layout, FuseAccess access, Console console, Clock clock) {
        this.layout = layout;
        this.access = access;
        this.console = console;
        this.clock = clock;
        this.children = new Children(layout.dir(), this::childLine);
        this.client = new DateClient(layout.mountPoint().resolve("test1"), clock);
    }

    /** Plays everything; true when the client never failed and node 2 caught up. */
    @Override
    public boolean play() throws IOException, InterruptedException {
        if (access.missing().isPresent()) {
            console.line("bramble demo fs: cannot mount a volume here: " + access.missing()
                    .get());
            return false;
        }
        intro();
        if (!startPool() || !makeVolume() || !mount()) {
            failed = !stopping;
            return false;
        }
        Thread.ofPlatform().daemon().name("demo-fs-client").start(client);
        Thread.ofPlatform().daemon().name("demo-fs-seconds").start(this::seconds);
        showSeconds = true;
        pause(BEFORE_MS);
        boolean caughtUp = node2DiesAndComesBack();
        pause(AFTER_MS);
        showSeconds = false;
        client.stop();
        if (stopping) {
            return false;
        }
        boolean behaved = summary(caughtUp);
        failed = !behaved;
        return behaved;
    }

    @Override
    public boolean failed() {
        return failed;
    }

    /**
     * Stops the client and every child, then unmounts what is left. Safe to call twice and
     * from a shutdown hook: a second call returns once the first is done, so that nothing
     * (such as removing the folder) runs into a mount still being taken down.
     */
    @Override
    public synchronized void stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            return;
        }
        stopping = true;
        showSeconds = false;
        client.stop();
        if (started) {
            console.last("Stopping the mount, node1, node2 and the witness.");
        } else {
            console.mute();
        }
        children.stopAll();
        Unmount.ifMounted(layout.mountPoint(), access.root());
    }

    private void intro() {
        console.line("bramble demo fs: seed 001's replicated volume on this machine.");
        console.blank();
        for (int node = 1; node <= 3; node++) {
            console.line(String.format(Locale.ROOT, "  %-8s %s:%d%s", FsDemoLayout.name(node),
                    layout.address(node), FsDemoLayout.MANAGEMENT_PORT, node == 3
                            ? "   (a vote in the pool's majority, no bricks)"
                            : "   brick " + layout.brick(node)));
        }
        console.line("  mount    " + layout.source() + " on " + layout.mountPoint() + " ("
                + access.how() + ")");
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
            if (!awaitLine(FsDemoLayout.name(node), "listening on", START_TIMEOUT_MS)) {
                return notSeen(FsDemoLayout.name(node) + " listening");
            }
        }
        return cli("peer", "probe", layout.address(2)) && cli("peer", "probe", layout
                .address(3));
    }

    private void startNode(int node) throws IOException {
        String name = FsDemoLayout.name(node);
        lines.put(name, new CopyOnWriteArrayList<>());
        List<String> args = new ArrayList<>(List.of("node", "--state-dir", layout.stateDir(node)
                .toString(), "--listen",
                layout.address(node) + ":"
                        + FsDemoLayout.MANAGEMENT_PORT,
                "--brick-port", Integer.toString(
                        FsDemoLayout.BRICK_PORT),
                "--name", name));
        if (node == 3) {
            args.add("--witness");
        }
        children.start(name, args.toArray(String[]::new));
    }

    private boolean makeVolume() {
        return cli("volume", "create", FsDemoLayout.VOLUME, "replica", "2", layout
                .brickArgument(1), layout.brickArgument(2), "force") && cli("volume", "start",
                        FsDemoLayout.VOLUME);
    }

    private boolean mount() throws IOException, InterruptedException {
        Files.createDirectories(layout.mountPoint());
        List<String> shown = new ArrayList<>(List.of("mount"));
        shown.addAll(access.mountOptions());
        shown.addAll(List.of(layout.source(), layout.mountPoint().toString()));
        console.line("$ bramble " + String.join(" ", shown));
        List<String> args = new ArrayList<>(shown);
        args.addAll(1, List.of("--foreground", "--state-dir", layout.stateDir(1).toString()));
        lines.put("mount", new CopyOnWriteArrayList<>());
        children.start("mount", args.toArray(String[]::new));
        if (!awaitLine("mount", "^mounted ", START_TIMEOUT_MS)) {
            return notSeen("the mount");
        }
        console.line("  " + lines.get("mount").stream().filter(l -> l.startsWith("mounted "))
                .findFirst().orElse(""));
        console.blank();
        return true;
    }

    /** Kills node 2, starts it again; true once the client's writes reach its brick again. */
    private boolean node2DiesAndComesBack() throws IOException, InterruptedException {
        console.blank();
        console.line("Step 1 of 2: node 2 dies (kill -9, as a Pi pulled from its power)");
        children.get("node2").kill9();
        pause(DOWN_MS);
        console.blank();
        console.line("Step 2 of 2: node 2 comes back (bramble node started again)");
        String before = brickText(2);
        long startedMs = clock.millis();
        startNode(2);
        boolean back = awaitLine("node2", "listening on", START_TIMEOUT_MS) && await(
                () -> !brickText(2).equals(before) && !brickText(2).isEmpty(),
                CATCH_UP_TIMEOUT_MS);
        if (back) {
            console.line("  -> the client's writes reach node 2's brick again");
            if (await(() -> staleAnswer().equals("none"), CATCH_UP_TIMEOUT_MS)) {
                console.line(String.format(Locale.ROOT, "  -> node 2's copy is healed: the"
                        + " writes it missed were copied to it, %.1f s after it started",
                        (clock.millis() - startedMs) / 1000.0));
            } else if (!stopping) {
                console.line("  -> node 2's copy was not healed within " + CATCH_UP_TIMEOUT_MS
                        / 1000 + " s; the logs are in " + layout.dir());
                back = false;
            }
        } else if (!stopping) {
            console.line("  -> not seen within " + CATCH_UP_TIMEOUT_MS / 1000 + " s: the"
                    + " client's writes reaching node 2's brick; the logs are in "
                    + layout.dir());
        }
        return back;
    }

    private boolean summary(boolean caughtUp) {
        DateClient.Totals totals = client.totals();
        console.blank();
        console.line("What the client saw (the date written to test1 and read back every "
                + DateClient.INTERVAL_MS + " ms):");
        console.line(String.format(Locale.ROOT, "client: %d writes, %d ok, %d failed, longest"
                + " gap %d ms", totals.ok() + totals.failed(), totals.ok(), totals.failed(),
                totals.longestGapMs()));
        console.blank();
        console.line("What the bricks hold (each node's brick folder):");
        for (int node = 1; node <= 2; node++) {
            console.line("  " + layout.brickArgument(node));
            for (String entry : BrickView.entries(layout.brick(node))) {
                console.line("    " + entry);
            }
        }
        console.line(staleCopy());
        boolean behaved = totals.failed() == 0 && caughtUp;
        console.blank();
        console.line(behaved
                ? "Every write worked while node 2 was down and back."
                : "Not every step behaved; the logs are in " + layout.dir());
        return behaved;
    }

    /**
     * What the pool's store says about the copies of the volume's one replica set, asked of
     * node 1 as a mount client asks it ({@code volume stale-copy}, not a user's command).
     */
    private String staleCopy() {
        String answer = staleAnswer();
        if (answer.equals("none")) {
            return "  The pool's store records no stale copy of " + FsDemoLayout.VOLUME + ".";
        }
        if (!answer.matches("[0-9]")) {
            return "  The pool's store could not say which copy is stale: " + answer;
        }
        int node = Integer.parseInt(answer) + 1;
        return "  The pool's store records node " + node + "'s copy as stale: it missed the"
                + " writes made while node " + node + " was down, so it is never read alone"
                + " until the heal has brought it up to date (within seconds of its return).";
    }

    /** Node 1's answer to {@code volume stale-copy}: none, a copy's index, or an error. */
    private String staleAnswer() {
        try {
            CommandReply reply = NodeClient.local(layout.stateDir(1), List.of("volume",
                    "stale-copy", FsDemoLayout.VOLUME, "0"));
            return reply.exitCode() == 0 ? reply.out().strip() : reply.err().strip();
        } catch (UserError e) {
            return e.getMessage();
        }
    }

    /** Runs {@code bramble ARGS} against node 1, showing the line and what it printed. */
    private boolean cli(String... args) {
        if (stopping) {
            return false;
        }
        console.line("$ bramble " + String.join(" ", args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(withStateDir(args), new PrintWriter(out, true), new PrintWriter(
                err, true));
        Stream.concat(out.toString().lines(), err.toString().lines()).forEach(line -> console
                .line("  " + line));
        return exit == 0;
    }

    private String[] withStateDir(String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--state-dir", layout.stateDir(1).toString()));
        return line.toArray(String[]::new);
    }

    private String brickText(int node) {
        try {
            return Files.readString(layout.brick(node).resolve("test1")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private void childLine(String child, String line) {
        List<String> seen = lines.get(child);
        if (seen != null) {
            seen.add(line);
        }
        if (stopping) {
            return;
        }
        Matcher node = NODE_EVENT.matcher(line);
        Matcher mount = CLIENT_EVENT.matcher(line);
        if (node.matches()) {
            console.event(child, node.group(1));
        } else if (mount.matches()) {
            console.event(child, mount.group(1));
        } else if (line.startsWith("bramble: ")) {
            console.event(child, line);
        }
    }

    /**
     * Waits until {@code child} printed a line that contains {@code text} (or, with a leading
     * {@code ^}, starts with the rest), or ended; whether the line came.
     */
    private boolean awaitLine(String child, String text, long timeoutMs)
            throws InterruptedException {
        Predicate<String> wanted = text.startsWith("^")
                ? line -> line.startsWith(text.substring(1))
                : line -> line.contains(text);
        BooleanSupplier seen = () -> lines.getOrDefault(child, List.of()).stream().anyMatch(
                wanted);
        await(() -> seen.getAsBoolean() || children.get(child) != null && !children.get(child)
                .alive(), timeoutMs);
        return seen.getAsBoolean();
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
        return false;
    }

    private void pause(long ms) throws InterruptedException {
        long end = clock.millis() + ms;
        while (!stopping && clock.millis() < end) {
            Thread.sleep(Math.min(POLL_MS, Math.max(1, end - clock.millis())));
        }
    }

    private void seconds() {
        while (!stopping) {
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            DateClient.Second second = client.takeSecond();
            if (showSeconds) {
                console.event("client", String.format(Locale.ROOT, "%2d ok %2d failed   test1:"
                        + " %s%s", second.ok(), second.failed(), second.lastRead(),
                        second
                                .failure().isEmpty() ? "" : "   (" + second.failure() + ")"));
            }
        }
    }
}
