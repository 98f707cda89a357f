package io.bramble.cli.lb;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.reload.LbService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bramble lb -f haproxy.cfg}: runs the load balancer until stopped; {@code -c} only
 * checks the file. Signals as HAProxy's: HUP reloads, USR1 stops gracefully, TERM/INT stop.
 */
@Command(
        name = "lb",
        description = {
                "Run an HTTP/TCP load balancer configured with haproxy.cfg syntax.",
                "",
                "kill -HUP (or 'bramble lb reload') reads the file again: new connections use",
                "the new configuration while open ones finish on the old; a file with errors",
                "is refused and the running configuration stays. SIGUSR1 stops gracefully",
                "(finish what is in flight), SIGTERM and Ctrl-C stop at once."},
        subcommands = {LbReloadCommand.class},
        footer = {"", "Example:", "  bramble lb -f /etc/haproxy/haproxy.cfg"})
public final class LbCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "The haproxy.cfg file (required).")
    private Path file;

    @Option(
            names = {"-c", "--check"},
            description = "Only check the file: print its errors and warnings, exit 0 or 2.")
    private boolean check;

    @Override
    public Integer call() throws InterruptedException {
        if (file == null) {
            throw UserError.usage("missing -f FILE: the haproxy.cfg to run, such as "
                    + "'bramble lb -f /etc/haproxy/haproxy.cfg'");
        }
        PrintWriter out = spec.commandLine().getOut();
        HaproxyConfigParser parser = HaproxyConfigParser.forThisProcess();
        if (check) {
            LbConfig config = parser.parse(file);
            config.warnings().forEach(out::println);
            out.println("Configuration file is valid");
            out.flush();
            return 0;
        }
        LbService service = LbService.start(file, parser, Clock.system(),
                new SplittableRandom(), version(), true);
        out.println("bramble lb running with " + file + " (pid "
                + ProcessHandle.current().pid() + ")");
        out.flush();
        return service.awaitStop();
    }

    private String version() {
        try {
            String[] lines = spec.root().versionProvider().getVersion();
            return lines.length > 0 ? lines[0].replaceFirst("^bramble ", "") : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }

}
