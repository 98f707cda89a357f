package io.bramble.cli.compute;

import io.bramble.cli.pool.NodeRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code bramble compute start|status|submit|stop}: Spark standalone on the pool. */
@Command(
        name = "compute",
        description = {"Run a Spark standalone cluster on the pool: the nodes run and",
                "supervise its master and workers; applications go to its master."},
        subcommands = {ComputeCommand.Start.class, ComputeCommand.Status.class,
                SubmitCommand.class, ComputeCommand.Stop.class},
        footer = {"",
                "Examples (seed 000's supercomputer):",
                "  bramble compute start --master spark-master --workers all",
                "  bramble compute status",
                "  bramble compute submit --class io.bramble.spark.pi.MonteCarloPi \\",
                "      bramble-spark.jar 24",
                "  bramble compute stop",
                "How Spark is fetched and what is supported: docs/compute.md."})
public final class ComputeCommand implements Runnable {
    @Spec
    private CommandSpec spec;
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help.")
    private boolean help;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: start, status, submit or stop");
    }

    @Command(
            name = "start",
            description = {"Start Spark's master on one member and a worker on each of",
                    "the others (all by default); the pool's store keeps the plan, so",
                    "a node that restarts starts its part again. When the master's",
                    "member is lost, another member runs the master, and the workers",
                    "and running applications carry on with it. Returns at once."})
    static final class Start extends NodeRequest {
        @Option(
                names = "--master",
                paramLabel = "NODE",
                description = "The member that runs the master; this one by default.")
        private String master;
        @Option(
                names = "--workers",
                paramLabel = "NODE,...|all",
                description = "The members that run a worker; all by default.")
        private String workers;
        @Option(
                names = "--worker-cores",
                paramLabel = "N",
                description = "Cores each worker offers; all of its machine's by default.")
        private Integer cores;
        @Option(
                names = "--worker-memory",
                paramLabel = "SIZE",
                description = {"Memory each worker offers (512m, 2g); the machine's",
                        "memory less 1g by default, as Spark's."})
        private String memory;
        @Option(
                names = "--port",
                paramLabel = "PORT",
                description = "The master's port; 7077 by default.")
        private Integer port;
        @Option(
                names = "--webui-port",
                paramLabel = "PORT",
                description = "The master's web UI port; 8080 by default.")
        private Integer uiPort;
        @Option(
                names = "--worker-webui-port",
                paramLabel = "PORT",
                description = "Each worker's web UI port; 8081 by default.")
        private Integer workerUiPort;

        @Override
        protected List<String> words() {
            List<String> words = new ArrayList<>(List.of("compute", "start"));
            add(words, "--master", master);
            add(words, "--workers", workers);
            add(words, "--worker-cores", cores);
            add(words, "--worker-memory", memory);
            add(words, "--port", port);
            add(words, "--webui-port", uiPort);
            add(words, "--worker-webui-port", workerUiPort);
            return words;
        }

        private static void add(List<String> words, String option, Object value) {
            if (value != null) {
                words.add(option);
                words.add(value.toString());
            }
        }
    }

    @Command(
            name = "status",
            description = {"The master, each worker with its cores, memory and state, the",
                    "running and finished applications, and the web UI's address."})
    static final class Status extends NodeRequest {
        @Override
        protected List<String> words() {
            return List.of("compute", "status");
        }
    }

    @Command(
            name = "stop",
            description = {"Stop Spark's master and workers on every member."})
    static final class Stop extends NodeRequest {
        @Override
        protected List<String> words() {
            return List.of("compute", "stop");
        }
    }
}
