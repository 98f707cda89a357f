package io.bramble.cli.cluster;

import io.bramble.cluster.cib.CibHeader;
import io.bramble.cluster.cib.CibReader;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.pcs.PcsStatus;
import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bramble cluster status -f FILE}, also {@code bramble status -f FILE} beside bramble's
 * other pcs words at the top: what {@code pcs status} prints for a CIB file, that is
 * {@code Cluster name:}, pcs's warnings and {@code crm_mon --one-shot --inactive}'s text.
 */
@Command(
        name = "status",
        description = {
                "Show the live cluster's status (or a CIB file's, with -f FILE) as 'pcs status'",
                "shows it: the cluster name, warnings, then crm_mon's summary, node list,",
                "every resource and the failed resource actions.",
                "'status resources' shows the resource lines alone, 'status stonith'",
                "(pcs's 'stonith status') the fence devices' lines, 'status nodes' the",
                "nodes by state; --full as 'pcs status --full'."},
        footer = {"", "Example:", "  bramble cluster status -f cib.xml"})
public final class StatusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = {"-f"},
            paramLabel = "FILE",
            description = {"The CIB to read (as 'pcs cluster cib FILE' saves it);",
                    "the live cluster's without it."})
    private Path file;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = {"Without -f: the state directory of the local node, which",
                    "shows the live cluster; $BRAMBLE_STATE_DIR or /var/lib/bramble",
                    "by default."})
    private Path stateDir;

    @Option(
            names = "--full",
            description = {"As 'pcs status --full': node ids, the fail counts",
                    "(Migration Summary), each failed action's call and times."})
    private boolean full;

    @Option(names = "--hide-inactive", hidden = true)
    private boolean hideInactive;

    /** pcs's status views ({@code resources}, {@code nodes}…), refused by name. */
    @Parameters(hidden = true)
    private List<String> views = new ArrayList<>();

    /** crm_mon's clock, which its Last updated line shows. */
    Clock clock = Clock.system();

    @Override
    public Integer call() {
        String command = spec.qualifiedName(" ");
        boolean nodes = views.equals(List.of("nodes"));
        if (!views.isEmpty() && !nodes && !List.of(List.of("resources"), List.of("stonith"))
                .contains(views)) {
            throw UserError.usage(command + " " + String.join(" ", views) + ": not"
                    + " supported; the whole status, as 'pcs status' prints it, 'status"
                    + " resources', 'status nodes' or 'stonith status'");
        }
        if (hideInactive) {
            throw UserError.usage("bramble cluster status --hide-inactive: not supported;"
                    + " the whole status, or --full");
        }
        if (full && !views.isEmpty()) {
            throw UserError.usage(command + " " + String.join(" ", views) + " --full: not"
                    + " supported; --full goes with the whole status");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (file == null) {
            CommandReply reply = LiveCluster.ask(stateDir, nodes
                    ? List.of("cluster", "status", "nodes")
                    : full
                            ? List.of("cluster", "status", "--full")
                            : List.of("cluster", "status"));
            out.print(reply.exitCode() == 0 && !nodes ? view(reply.out()) : reply.out());
            out.flush();
            spec.commandLine().getErr().print(reply.err());
            spec.commandLine().getErr().flush();
            return reply.exitCode();
        }
        byte[] xml = SimulateCommand.read(file);
        Cluster cluster = CibReader.read(file.toString(), xml);
        if (nodes) {
            out.print(PcsStatus.nodes(cluster));
            out.flush();
            return 0;
        }
        CibHeader header = CibHeader.read(file.toString(), xml);
        String status = PcsStatus.render(cluster, header, Instant.ofEpochMilli(clock
                .epochMillis()), ZoneId.systemDefault(), full);
        out.print(view(status));
        out.flush();
        return 0;
    }

    /** The part of the whole status text the view asked for shows. */
    private String view(String status) {
        if (views.equals(List.of("resources"))) {
            return PcsStatus.resourcesOnly(status);
        }
        return views.equals(List.of("stonith")) ? PcsStatus.stonithOnly(status) : status;
    }
}
