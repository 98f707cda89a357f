package io.bramble.cli.lb;

import io.bramble.cli.Version;
import io.bramble.cli.site.LbWithVrrp;
import io.bramble.cli.site.VrrpOptions;
import io.bramble.common.config.ConfigException;
import io.bramble.common.error.UserError;
import io.bramble.common.os.ProcessIdentity;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.reload.LbService;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bramble lb -f haproxy.cfg [-c]}: checks the file, and unless {@code -c} runs the load
 * balancer in the foreground until stopped. Signals as HAProxy's: HUP reloads the file, USR1
 * stops gracefully, TERM and INT stop at once. {@code bramble lb reload} asks a running one to
 * reload.
 */
@Command(
        name = "lb",
        description = {
                "Run an HTTP/TCP load balancer configured by a haproxy.cfg.",
                "",
                "Reads global, defaults, frontend, backend and listen sections as HAProxy",
                "does; keywords bramble does not support are errors naming FILE:LINE.",
                "Stays in the foreground (as systemd wants) and logs to the file's log",
                "targets; 'log stdout' prints traffic lines on standard output.",
                "",
                "kill -HUP (or 'bramble lb reload -f FILE') reads the file again: new",
                "connections use the new configuration while open ones finish on the old;",
                "a file with errors is refused and the running configuration stays.",
                "SIGUSR1 stops gracefully (finish what is in flight); SIGTERM and Ctrl-C",
                "stop at once."},
        subcommands = {LbReloadCommand.class},
        footer = {"",
                "Examples:",
                "  bramble lb -c -f /etc/haproxy/haproxy.cfg    check the file only",
                "  bramble lb -f /etc/haproxy/haproxy.cfg       run until stopped",
                "  bramble lb reload -f /etc/haproxy/haproxy.cfg",
                "  bramble lb -f haproxy.cfg --vrrp keepalived.conf",
                "                        the balancer and its virtual IP in one process"})
public final class LbCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    // Not 'required' for picocli: 'bramble lb reload -f FILE' has its own -f.
    @Option(
            names = "-f",
            paramLabel = "FILE",
            description = "The haproxy.cfg to read (required).")
    private String file;

    @Option(
            names = "-c",
            description = {"Only check the file, as 'haproxy -c' does: print every",
                    "error and warning, then the counts; exit 0 when valid, 1 on errors, 2 when",
                    "valid but nothing listens."})
    private boolean checkOnly;

    @Option(
            names = "-dr",
            description = {"Ignore server address resolution failures, as HAProxy's -dr",
                    "does: a server whose name does not resolve starts in maintenance,",
                    "with a warning, instead of making the file an error."})
    private boolean resolveFailuresIgnored;

    @Mixin
    private VrrpOptions vrrp;

    @Override
    public Integer call() throws InterruptedException {
        if (file == null) {
            throw UserError.usage("missing -f FILE: the haproxy.cfg to run, such as "
                    + "'bramble lb -f /etc/haproxy/haproxy.cfg'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HaproxyConfigParser parser = resolveFailuresIgnored
                ? HaproxyConfigParser.forThisProcess().ignoringResolveFailures()
                : HaproxyConfigParser.forThisProcess();
        Path path = path(file);
        if (checkOnly) {
            return LbCheck.run(parser, path, vrrp, out, err);
        }
        quietLeakDetection();
        if (vrrp.enabled()) {
            return LbWithVrrp.run(path, parser, vrrp, Version.number(), out, err);
        }
        LbService service;
        try {
            service = LbService.start(path, parser, Clock.system(), new SplittableRandom(),
                    Version.number(), true, warning -> {
                        err.println("bramble lb: " + warning);
                        err.flush();
                    });
        } catch (ConfigException e) {
            // The errors follow in the exception's message; the warnings would be lost.
            e.diagnostics().stream().filter(d -> !d.isError())
                    .forEach(d -> err.println("bramble lb: " + d));
            throw e;
        }
        Optional<ProcessIdentity> runAs = service.switchIdentity();
        out.println("bramble lb: listening on " + service.current().boundAddresses().stream()
                .map(Object::toString).collect(Collectors.joining(", ")) + " ("
                + service.current().poller().label() + ")"
                + runAs.map(identity -> "; running as " + identity).orElse(""));
        out.flush();
        try {
            return service.awaitStop();
        } catch (InterruptedException e) {
            service.close();
            Thread.currentThread().interrupt();
            return 0;
        }
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

    static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw UserError.usage("-f '" + text + "': not a valid path");
        }
    }
}
