package io.bramble.cli.demo;

import io.bramble.common.time.Clock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo from start to end: writes the recipe's files, starts web1, web2, lb1 and lb2 as
 * child processes, waits until the site answers through lb1 with the two web servers taking
 * turns, then plays the {@link Step}s while the {@link Probe} requests the page and a line a
 * second shows what it saw; prints a summary. {@link #stop} ends everything it started.
 */
final class Demo {
    /** Four JVMs start and the first health checks pass; generous on a busy machine. */
    static final long START_TIMEOUT_MS = 120_000;
    /** A step's change must take hold within this. */
    static final long STEP_TIMEOUT_MS = 90_000;
    private static final long POLL_MS = 100;
    /** A request of the client comes back within this (connect, then reads, timed out). */
    private static final long REQUEST_MS_MAX = 3L * Probe.TIMEOUT_MS;
    private static final Pattern STATE = Pattern.compile(
            "\\b(\\S+): (INITIALIZE|BACKUP|MASTER|FAULT) -> (INITIALIZE|BACKUP|MASTER|FAULT)\\b");
    /** The lines of a balancer worth showing: VRRP states, the gate, the listeners. */
    private static final Pattern SHOWN = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (?!INFO"
            + "|WARN|ERROR|DEBUG)(\\S+: (INITIALIZE|BACKUP|MASTER|FAULT) -> .*|.*(healthy "
            + "server|listening on \\S+ \\().*)$");
    /** A balancer's log line saying a web server went up or down, and why. */
    private static final Pattern SERVER = Pattern.compile(
            "Server (\\S+) is (UP|DOWN)[^,]*, reason: ([^,]+)");

    private final DemoLayout layout;
    private final Path dir;
    private final boolean quick;
    private final Console console;
    private final Clock clock;
    private final long startNanos;
    private final Samples samples = new Samples();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final Children children;
    private final Probe probe;
    /** The lines a second printed so far; guarded by itself, with what is printed. */
    private final SecondLines lines = new SecondLines();
    private volatile boolean stopping;
    /** A step did not behave, or the site did not come up: the logs are worth keeping. */
    private volatile boolean failed;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    Demo(DemoLayout layout, Path dir, boolean quick, Console console, Clock clock) {
        this.layout = layout;
        this.dir = dir;
        this.quick = quick;
        this.console = console;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.children = new Children(dir, this::childLine);
        this.probe = new Probe(layout.vip(), layout.sitePort(), clock, startNanos, samples);
    }

    /** Plays everything; true when every step behaved. */
    boolean play() throws IOException, InterruptedException {
        DemoFiles.write(dir, layout);
        printUrls();
        console.line("Starting web1 and web2 (bramble web), lb1 and lb2 (bramble lb --vrrp) "
                + "...");
        startWeb(1);
        startWeb(2);
        startLb(1);
        startLb(2);
        Thread.ofPlatform().daemon().name("demo-probe").start(probe);
        Thread.ofPlatform().daemon().name("demo-seconds").start(this::seconds);
        if (!awaitSiteUp()) {
            failed = !stopping;
            console.line("The site did not come up within " + START_TIMEOUT_MS / 1000
                    + " s; the logs are in " + dir);
            return false;
        }
        List<Step.Result> results = new ArrayList<>();
        List<Step> steps = steps();
        for (int i = 0; i < steps.size() && !stopping; i++) {
            results.add(play(i + 1, steps.size(), steps.get(i)));
        }
        synchronized (lines) {
            lines.close();
        }
        probe.stop();
        return !stopping && summary(results);
    }

    /** True when something went wrong (not when the demo was stopped): keep the logs. */
    boolean failed() {
        return failed;
    }

    /** Stops the client and every child; safe to call twice and from a shutdown hook. */
    void stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            return;
        }
        stopping = true;
        synchronized (lines) {
            lines.close();
        }
        probe.stop();
        console.last("Stopping web1, web2, lb1 and lb2.");
        children.stopAll();
    }

    private List<Step> steps() {
        return List.of(
                new Step("web1 dies", "kill -9 web1, as the recipe powers it off",
                        () -> children.get("web1").kill9(), s -> s.from("web2"),
                        "all answers from web2", 10, false),
                new Step("web1 comes back", "start web1 again", () -> startWeb(1),
                        s -> s.from("web1"), "web1 answers again", 1, false),
                new Step("lb1 dies", "kill -9 lb1, as a crash or a pulled power cable",
                        () -> children.get("lb1").kill9(), s -> s.through("lb2"),
                        "lb2 answers", 10, false),
                new Step("lb1 comes back", "start lb1 again; it takes the address back once "
                        + "its health checks pass", () -> startLb(1), s -> s.through("lb1"),
                        "lb1 answers again", 10, true));
    }

    private Step.Result play(int number, int of, Step step) throws InterruptedException {
        long from;
        synchronized (lines) {
            console.blank();
            console.line("Step " + number + " of " + of + ": " + step.title() + " ("
                    + step.how() + ")");
            from = lines.open();
        }
        long at = nowMs();
        try {
            step.action().run();
        } catch (Exception e) {
            console.line("  could not " + step.how() + ": " + e.getMessage());
            return new Step.Result(step, false, -1, closeWindow(from));
        }
        long deadline = at + STEP_TIMEOUT_MS;
        while (samples.settled(at, step.settleCount(), step.expected()).isEmpty()
                && nowMs() < deadline && !stopping) {
            Thread.sleep(POLL_MS);
        }
        var settled = samples.settled(at, step.settleCount(), step.expected());
        if (settled.isEmpty()) {
            console.line("  -> not seen within " + STEP_TIMEOUT_MS / 1000 + " s: "
                    + step.outcome() + "; the logs are in " + dir);
            return new Step.Result(step, false, -1, closeWindow(from));
        }
        long took = Math.max(0, settled.get().atMs() - at);
        Thread.sleep(quick ? 1_000 : 4_000);
        if (step.title().startsWith("web")) {
            console.line("  -> lb1's stats page (" + layout.statsUrl(1) + "): " + StatsPage
                    .servers(layout.statsUrl(1)));
        }
        long failed = closeWindow(from);
        boolean behaved = !step.noFailure() || failed == 0;
        console.line("  -> " + step.outcome() + " after " + duration(took) + "; " + failed
                + " failed request" + (failed == 1 ? "" : "s") + (behaved
                        ? ""
                        : " (expected "
                                + "none)"));
        return new Step.Result(step, behaved, took, failed);
    }

    /**
     * Ends a step's window once the line of the second under way is printed, pauses the
     * lines until the next step's heading, waits for the requests of the window still under
     * way and returns how many of its requests failed: every failure its lines showed, and
     * those that came back too late for a line.
     */
    private long closeWindow(long from) throws InterruptedException {
        long end = SecondLines.endOfSecond(nowMs());
        long until;
        while (true) {
            synchronized (lines) {
                if (lines.reached(end) || stopping) {
                    until = lines.close();
                    break;
                }
            }
            Thread.sleep(POLL_MS);
        }
        long deadline = nowMs() + REQUEST_MS_MAX;
        while (!samples.recordedUntil(until) && nowMs() < deadline && !stopping) {
            Thread.sleep(POLL_MS);
        }
        return Samples.failures(samples.between(from, until));
    }

    private boolean summary(List<Step.Result> results) {
        console.blank();
        console.line("What the client saw (one request every " + Probe.INTERVAL_MS + " ms):");
        boolean all = true;
        for (Step.Result result : results) {
            all &= result.behaved();
            String what = result.tookMs() < 0
                    ? "not seen: " + result.step().outcome()
                    : result.step().outcome() + " after " + duration(result.tookMs());
            console.line(String.format(Locale.ROOT, "  %-16s %-34s %3d failed   %s", result
                    .step().title(), what, result.failed(), result.behaved() ? "ok" : "FAILED"));
        }
        console.line(all
                ? "Every step behaved."
                : "Some step did not behave; the logs are in " + dir);
        failed = !all;
        return all;
    }

    private boolean awaitSiteUp() throws InterruptedException {
        long deadline = nowMs() + START_TIMEOUT_MS;
        long from = nowMs();
        BooleanSupplier up = () -> "MASTER".equals(states.get("lb1")) && "BACKUP".equals(
                states.get("lb2"))
                && samples.settled(from, 10, s -> s.through("lb1"))
                        .isPresent()
                && alternating(nowMs() - 1_000);
        while (!up.getAsBoolean() && nowMs() < deadline && !stopping) {
            Thread.sleep(POLL_MS);
        }
        if (!up.getAsBoolean()) {
            return false;
        }
        console.line("The site is up: lb1 holds " + layout.vip() + " and web1 and web2 take "
                + "turns; lb2 waits as backup.");
        synchronized (lines) {
            lines.start(nowMs());
        }
        Thread.sleep(quick ? 1_000 : 3_000);
        return true;
    }

    private boolean alternating(long fromMs) {
        List<Sample> last = samples.between(fromMs, Long.MAX_VALUE);
        if (last.size() < 4) {
            return false;
        }
        for (int i = 1; i < last.size(); i++) {
            if (!last.get(i).ok() || last.get(i).web().equals(last.get(i - 1).web())) {
                return false;
            }
        }
        return true;
    }

    private void startWeb(int number) throws IOException, InterruptedException {
        String name = "web" + number;
        children.start(name, "web", "--root", DemoFiles.webRoot(dir, number).toString(),
                "--bind", layout.web(number) + ":" + layout.sitePort());
        awaitPort(name, layout.web(number), layout.sitePort());
    }

    private void startLb(int number) throws IOException {
        String name = "lb" + number;
        states.remove(name);
        children.start(name, "lb", "-f", DemoFiles.haproxyCfg(dir, number).toString(),
                "--vrrp", DemoFiles.keepalivedConf(dir, number).toString(), "--vrrp-backend",
                "loopback", "--vrrp-loopback-port", Integer.toString(layout.vrrpPort()));
    }

    private void awaitPort(String name, String host, int port) throws InterruptedException {
        long deadline = nowMs() + START_TIMEOUT_MS;
        while (nowMs() < deadline && !stopping && children.get(name).alive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1_000);
                return;
            } catch (IOException e) {
                Thread.sleep(POLL_MS);
            }
        }
    }

    private void childLine(String child, String line) {
        Matcher state = STATE.matcher(line);
        if (state.find()) {
            states.put(child, state.group(3));
        }
        if (stopping) {
            return;
        }
        Matcher shown = SHOWN.matcher(line);
        Matcher server = SERVER.matcher(line);
        if (shown.matches()) {
            console.event(child, shown.group(1));
        } else if (server.find()) {
            console.event(child, server.group(1) + " is " + server.group(2) + " ("
                    + server.group(3) + ")");
        } else if (line.startsWith("bramble: ")) {
            console.event(child, line);
        }
    }

    private void seconds() {
        long next = (nowMs() / 1_000 + 1) * 1_000;
        while (!stopping) {
            try {
                Thread.sleep(Math.max(1, next - nowMs()));
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lines) {
                for (var end = lines.due(nowMs()); end.isPresent(); end = lines.due(nowMs())) {
                    long endMs = end.getAsLong();
                    console.second(clock.epochMillis() - (nowMs() - endMs), samples.between(
                            endMs - SecondLines.SECOND_MS, endMs));
                }
            }
            next += 1_000;
        }
    }

    private void printUrls() {
        console.line("bramble demo: the recipe's highly available website, on this machine.");
        console.blank();
        console.line("  the site (virtual IP)  " + layout.siteUrl());
        console.line("  lb1's stats page       " + layout.statsUrl(1) + "   (user "
                + DemoFiles.STATS_USER + ", password " + DemoFiles.STATS_PASSWORD + ")");
        console.line("  lb2's stats page       " + layout.statsUrl(2));
        console.line("  web1, web2             " + layout.webUrl(1) + "  " + layout.webUrl(2));
        console.line("  files and logs         " + dir);
        console.blank();
    }

    private long nowMs() {
        return (clock.nanoTime() - startNanos) / 1_000_000L;
    }

    private static String duration(long ms) {
        return ms < 1_000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
