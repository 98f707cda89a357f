package io.bramble.cli.cluster;

import io.bramble.cluster.heartbeat.HaCf;
import io.bramble.cluster.heartbeat.HaresourcesLine;
import io.bramble.cluster.heartbeat.HeartbeatException;
import io.bramble.cluster.heartbeat.HeartbeatImport;
import io.bramble.cluster.heartbeat.ImportRun;
import io.bramble.cluster.heartbeat.ImportStep;
import io.bramble.cluster.live.InstalledAgents;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.common.config.Diagnostic;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.error.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bramble cluster import-heartbeat [DIR] -f FILE}: a Heartbeat cluster's
 * {@code haresources} and {@code ha.cf} brought into a CIB file as the pcs commands that make
 * the same resources, groups and preferences, printed as they run; all or nothing.
 */
@Command(
        name = "import-heartbeat",
        description = {
                "Bring a Heartbeat cluster's resources (haresources, and auto_failback and",
                "the nodes from ha.cf) into a CIB file, as the pcs commands printed."},
        footer = {"", "Example:", "  bramble cluster import-heartbeat /etc/ha.d -f cib.xml"})
public final class ImportHeartbeatCommand implements Callable<Integer> {
    /** Heartbeat's files are small; this is far above any of them. */
    static final long FILE_BYTES_MAX = 1 << 20;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Parameters(
            arity = "0..1",
            paramLabel = "DIR",
            defaultValue = "/etc/ha.d",
            description = "Where ha.cf and haresources are (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Option(
            names = "-f",
            paramLabel = "FILE",
            description = "The CIB file to add the resources to (made when missing).")
    private Path file;

    @Option(
            names = "--force",
            description = "Create resources whose agent or service is "
                    + "not installed here, as 'pcs resource create --force' does.")
    private boolean force;

    @Override
    public Integer call() {
        if (file == null) {
            throw UserError.usage("bramble cluster import-heartbeat: it writes a CIB file, "
                    + "not the live cluster: import with -f FILE, then run the pcs commands it "
                    + "prints as 'bramble resource …' and 'bramble constraint …' to make the "
                    + "same resources in the live cluster");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diagnostics = new Diagnostics();
        HaCf haCf = HaCf.read(dir.resolve("ha.cf").toString(), text("ha.cf"), diagnostics);
        diagnostics.inLineOrder().all().stream().map(Diagnostic::toString)
                .forEach(line -> err.println("bramble: " + line));
        if (diagnostics.hasErrors()) {
            err.flush();
            return 1;
        }
        PcsResult result;
        try {
            List<ImportStep> steps = HeartbeatImport.steps(haCf, HaresourcesLine.read(
                    dir.resolve("haresources").toString(), text("haresources")));
            boolean fresh = !Files.exists(file);
            CibElement start = fresh ? CibElement.empty() : PcsGrammarCommand.read(file);
            try (InstalledAgents agents = new InstalledAgents()) {
                result = ImportRun.run(steps, start, agents, force);
            }
            result.cib().ifPresent(cib -> PcsGrammarCommand.write(file, cib));
        } catch (HeartbeatException e) {
            result = refused("bramble: " + e.getMessage());
        } catch (PcsException e) {
            result = refused(String.join("\n", e.errors().stream().map(m -> "Error: " + m)
                    .toList()));
        }
        result.out().forEach(out::println);
        result.err().forEach(err::println);
        out.flush();
        err.flush();
        return result.exitCode();
    }

    private static PcsResult refused(String message) {
        return new PcsResult(java.util.Optional.empty(), List.of(), List.of(message), 1);
    }

    private String text(String name) {
        Path path = dir.resolve(name);
        try {
            if (Files.size(path) > FILE_BYTES_MAX) {
                throw UserError.usage(path + ": larger than " + FILE_BYTES_MAX
                        + " bytes; this is not one of Heartbeat's files");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.usage("cannot read " + path + " (" + e.getMessage()
                    + "): name the folder that holds Heartbeat's ha.cf and haresources");
        }
    }
}
