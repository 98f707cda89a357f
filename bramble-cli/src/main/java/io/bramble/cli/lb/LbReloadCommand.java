package io.bramble.cli.lb;

import io.bramble.common.config.ConfigException;
import io.bramble.common.error.UserError;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.StatsSocketConfig;
import io.bramble.lb.runtime.RuntimeClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bramble lb reload -f FILE}: asks the running load balancer to read its file again,
 * through the first {@code stats socket ... level admin} of the file (and prints what it
 * answered, the errors of a refused file included), or else by SIGHUP to the pid in
 * {@code pidfile} or {@code --pid}.
 */
@Command(
        name = "reload",
        description = {
                "Make a running 'bramble lb' read its configuration file again.",
                "",
                "Uses the file's 'stats socket ... level admin' and prints the outcome (exit 2",
                "when the file was refused); without one, sends SIGHUP to the pid of 'pidfile'",
                "or --pid."})
public final class LbReloadCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            required = true,
            description = "The haproxy.cfg file the load balancer runs with.")
    private Path file;

    @Option(
            names = "--pid",
            paramLabel = "PID",
            description = "Send SIGHUP to this process instead of using the stats socket.")
    private Long pid;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LbConfig config;
        try {
            config = HaproxyConfigParser.forThisProcess().parse(file);
        } catch (UserError e) {
            if (e instanceof ConfigException refused) {
                PrintWriter err = spec.commandLine().getErr();
                refused.diagnostics().stream().filter(d -> !d.isError())
                        .forEach(d -> err.println("bramble lb: " + d));
                err.flush();
            }
            throw new UserError(e.exitCode(), "not reloading, the file has errors:\n"
                    + e.getMessage());
        }
        Optional<StatsSocketConfig> socket = config.global().statsSockets().stream()
                .filter(s -> s.level() == StatsSocketConfig.Level.ADMIN).findFirst();
        if (pid == null && socket.isPresent()) {
            String answer = RuntimeClient.send(socket.get(), "reload").strip();
            out.println(answer.replaceFirst("^Success=[01]\\n?", ""));
            out.flush();
            if (answer.startsWith("Success=1")) {
                return 0;
            }
            return answer.startsWith("Success=0") ? UserError.EXIT_USAGE : UserError.EXIT_RUNTIME;
        }
        long target = pid != null ? pid : pidFromFile(config);
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(target))
                .redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            throw new UserError(UserError.EXIT_RUNTIME, "cannot signal process " + target + ": "
                    + output.strip());
        }
        out.println("sent SIGHUP to " + target + "; its log says whether the file was applied");
        out.flush();
        return 0;
    }

    private static long pidFromFile(LbConfig config) {
        String path = config.global().pidFile().orElseThrow(() -> UserError.usage(
                "the file has no 'stats socket ... level admin' and no 'pidfile'; add one, or "
                        + "give --pid PID"));
        try {
            return Long.parseLong(Files.readString(Path.of(path)).strip());
        } catch (IOException | NumberFormatException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "cannot read a pid from " + path + ": "
                    + e.getMessage());
        }
    }
}
