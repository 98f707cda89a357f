package io.bramble.cli.cluster;

import io.bramble.cluster.cib.CibReader;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.simulate.SimulationReport;
import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bramble cluster simulate -x CIB.xml [-S] [-t TIME]}: what crm_simulate shows for a
 * CIB file, from bramble's policy engine.
 */
@Command(
        name = "simulate",
        description = {
                "Show a CIB file's cluster status and, with -S, what the policy engine would",
                "do: the sections Current cluster status, Transition Summary and Revised",
                "Cluster Status, laid out as crm_simulate lays them out."},
        footer = {"", "Example:", "  bramble cluster simulate -x cib.xml -S"})
public final class SimulateCommand implements Callable<Integer> {
    /** CIB files are small; this is far above any bramble takes. */
    static final long CIB_BYTES_MAX = 64L * 1024 * 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = {"-x", "--xml-file"},
            paramLabel = "FILE",
            required = true,
            description = "The CIB to read (as 'pcs cluster cib FILE' saves it).")
    private Path file;

    @Option(
            names = {"-S", "--simulate"},
            description = "Schedule a transition and show its summary and outcome.")
    private boolean simulate;

    @Option(
            names = {"-t", "--set-datetime"},
            paramLabel = "TIME",
            description = {"The time to schedule at, ISO 8601 (2023-11-14T22:13:20Z);",
                    "now by default. Failure timeouts are counted from it."})
    private String dateTime;

    @Override
    public Integer call() {
        byte[] xml = read(file);
        Cluster cluster = CibReader.read(file.toString(), xml);
        PrintWriter out = spec.commandLine().getOut();
        out.print(SimulationReport.render(cluster, simulate, now()));
        out.flush();
        return 0;
    }

    private long now() {
        if (dateTime == null) {
            return Clock.system().epochMillis() / 1000;
        }
        try {
            return Instant.parse(dateTime).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw UserError.usage("-t '" + dateTime + "': expected an ISO 8601 time such as"
                    + " 2023-11-14T22:13:20Z");
        }
    }

    static byte[] read(Path file) {
        try {
            if (Files.size(file) > CIB_BYTES_MAX) {
                throw UserError.usage(file + ": larger than " + CIB_BYTES_MAX + " bytes; is it"
                        + " a CIB?");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw UserError.usage(file + ": cannot be read (" + e.getMessage() + "); save the"
                    + " CIB with 'pcs cluster cib FILE' or 'cibadmin --query > FILE'");
        }
    }
}
