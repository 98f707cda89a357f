package io.bramble.cli.lb;

import io.bramble.cli.Version;
import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.proxy.LoadBalancer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bramble lb -f haproxy.cfg [-c]}: checks the file, and unless {@code -c} runs the load
 * balancer in the foreground until stopped (SIGTERM, SIGINT or an interrupt).
 */
@Command(
        name = "lb",
        description = {
                "Run an HTTP/TCP load balancer configured by a haproxy.cfg.",
                "",
                "Reads global, defaults, frontend, backend and listen sections as HAProxy",
                "does; keywords bramble does not support are errors naming FILE:LINE.",
                "Stays in the foreground (as systemd wants) and logs to the file's log",
                "targets; 'log stdout' prints traffic lines on standard output."},
        footer = {"",
                "Examples:",
                "  bramble lb -c -f /etc/haproxy/haproxy.cfg    check the file only",
                "  bramble lb -f /etc/haproxy/haproxy.cfg       run until stopped"})
public final class LbCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "-f",
            paramLabel = "FILE",
            required = true,
            description = "The haproxy.cfg to read.")
    private String file;

    @Option(names = "-c", description = "Only check the file: print what is wrong and exit.")
    private boolean checkOnly;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LbConfig config = HaproxyConfigParser.forThisProcess().parse(path(file));
        for (String warning : config.warnings()) {
            err.println("bramble lb: " + warning);
        }
        err.flush();
        if (checkOnly) {
            LoadBalancer.check(config);
            out.println("Configuration file is valid");
            out.flush();
            return 0;
        }
        quietLeakDetection();
        LoadBalancer balancer = LoadBalancer.start(config, Clock.system(),
                new SplittableRandom(), Version.number());
        config.global().pidFile().ifPresent(pidFile -> writePid(pidFile, err));
        Thread stopper = new Thread(balancer::close, "bramble-lb-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("bramble lb: listening on " + balancer.boundAddresses().stream()
                .map(Object::toString).collect(Collectors.joining(", ")) + " ("
                + (balancer.nativeTransport() ? "epoll" : "nio") + ")");
        out.flush();
        try {
            balancer.awaitClosed();
        } catch (InterruptedException e) {
            balancer.close();
            forget(stopper);
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Netty samples buffers for leak reports by default, building a stack trace each time;
     * on the request path that costs more than the proxying. Tests and
     * {@code -Dio.netty.leakDetection.level=...} keep it.
     */
    private static void quietLeakDetection() {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            io.netty.util.ResourceLeakDetector.setLevel(
                    io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw UserError.usage("-f '" + text + "': not a valid path");
        }
    }

    private static void writePid(String pidFile, PrintWriter err) {
        try {
            Files.writeString(Path.of(pidFile), ProcessHandle.current().pid() + "\n");
        } catch (IOException | InvalidPathException e) {
            err.println("bramble lb: warning: cannot write pidfile " + pidFile + ": "
                    + e.getMessage());
            err.flush();
        }
    }

    /** Drops the hook of a balancer already closed; impossible once the JVM is exiting. */
    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // The hook runs anyway and finds the balancer closed.
        }
    }
}
