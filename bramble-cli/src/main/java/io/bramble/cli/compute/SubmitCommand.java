package io.bramble.cli.compute;

import io.bramble.cli.pool.ClientOptions;
import io.bramble.common.error.UserError;
import io.bramble.compute.submit.SubmitChecks;
import io.bramble.compute.submit.SubmitLine;
import io.bramble.compute.submit.SubmitTarget;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code bramble compute submit [spark-submit options] APP.jar|APP.py [ARGS]}: spark-submit
 * against the pool's master, run here, so that the output and the exit code are the
 * application's. The local node says where the master is and lends its Spark home.
 */
@Command(
        name = "submit",
        modelTransformer = SubmitCommand.RawWords.class,
        description = {"Submit an application to the pool's master, as spark-submit does",
                "(without --master). The driver runs here; its output and exit code",
                "are the application's."},
        footer = {"",
                "Example:",
                "  bramble compute submit --class io.bramble.spark.pi.MonteCarloPi \\",
                "      bramble-spark.jar 24"})
public final class SubmitCommand implements Callable<Integer> {
    /** What a Python application needs that bramble cannot fetch (docs/compute.md). */
    static final String PYSPARK_PIP = "pip install pyspark==4.2.0";
    static final String PYTHON = "python3";
    /** The child's output copied to the command's output, in pieces of this many chars. */
    static final int COPY_CHARS = 8192;

    /** Everything after the first word this command does not know is spark-submit's line. */
    public static final class RawWords implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.parser().stopAtUnmatched(true);
            return spec;
        }
    }

    @Spec
    private CommandSpec spec;
    @Mixin
    private ClientOptions client;
    @Unmatched
    private List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SubmitLine line;
        try {
            line = SubmitLine.parse(words);
        } catch (SubmitLine.BadSubmit e) {
            throw UserError.usage(e.getMessage());
        }
        checkApplication(line);
        CommandReply reply = client.ask(List.of("compute", "target"));
        if (reply.exitCode() != 0) {
            err.print(reply.err());
            err.flush();
            return reply.exitCode();
        }
        SubmitTarget target = SubmitTarget.decode(reply.out());
        Optional<String> refused = SubmitChecks.cores(line, target).or(
                () -> SubmitChecks.memory(line, target));
        if (refused.isPresent()) {
            err.println(refused.get());
            err.flush();
            return UserError.EXIT_RUNTIME;
        }
        return run(io.bramble.compute.submit.SubmitCommand.command(Path.of(System.getProperty(
                "java.home"), "bin", "java"), target, line), target, out, err);
    }

    private static void checkApplication(SubmitLine line) {
        String app = line.application();
        if (app.matches("[a-z][a-z0-9+.-]*://.*")) {
            return; // a URL Spark fetches itself
        }
        if (!Files.isRegularFile(Path.of(app))) {
            throw UserError.usage("compute submit: " + app + ": no such file; give the path"
                    + " of the application's .jar or .py file");
        }
        if (line.isPython() && !hasPyspark()) {
            throw new UserError(UserError.EXIT_RUNTIME, "compute submit: " + app + " is a"
                    + " Python application, which needs pyspark's Python sources here and on"
                    + " every worker: install them with '" + PYSPARK_PIP + "' (bramble"
                    + " fetches only Spark's jars)");
        }
    }

    /** Whether {@value #PYTHON} can import pyspark. */
    private static boolean hasPyspark() {
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", "import pyspark")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int run(List<String> command, SubmitTarget target, PrintWriter out,
            PrintWriter err) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(io.bramble.compute.submit.SubmitCommand.environment(
                target));
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw UserError.runtime("compute submit: cannot run spark-submit: "
                    + e.getMessage(), e);
        }
        Thread copyErr = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), err));
        copy(process.getInputStream(), out);
        try {
            copyErr.join();
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return UserError.EXIT_RUNTIME;
        }
    }

    private static void copy(InputStream from, PrintWriter to) {
        try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
            char[] buffer = new char[COPY_CHARS];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // the child ended; what it wrote is copied
        }
    }
}
