package io.bramble.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bramble demo compute}: seed 000's Spark cluster and Pi job, played here. */
@Command(
        name = "compute",
        description = {
                "Build seed 000's Spark cluster on this machine, without root, SSH keys or",
                "copies, run its Monte-Carlo Pi job, and move the master.",
                "",
                "Starts three bramble nodes on loopback addresses (spark1 127.0.5.151,",
                "spark2 .152, spark3 .153), forms a pool and runs 'bramble compute start':",
                "Spark's master on spark1 (port 17077, web UI 18080) and a worker of one",
                "core on each node. Then:",
                "",
                "  1. the seed's job, 24 partitions and 1,000,000 samples, through",
                "     'bramble compute submit', which prints Spark's estimate of Pi;",
                "  2. spark1 loses its power (kill -9 of its bramble node): another node",
                "     runs the master, recovering the workers, and the job runs again.",
                "",
                "The first run on a machine copies Spark's jars (about 290 MB) from the",
                "local Maven repository into each node's cache. Exit code 0 when Pi was",
                "estimated both times. Ctrl-C stops everything the demo started; nothing",
                "outlives it."},
        footer = {"",
                "Examples:",
                "  bramble demo compute",
                "  bramble demo compute --net 127.0.9"})
public final class ComputeDemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "--net",
            paramLabel = "127.X.Y",
            defaultValue = ComputeDemoLayout.NET_DEFAULT,
            description = "The 127.X.Y.0/24 to use; ${DEFAULT-VALUE} by default.")
    private String net;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = {"Where the nodes' state and the logs go; a temporary",
                    "folder by default, removed at the end unless something",
                    "did not behave."})
    private Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ComputeDemoLayout.of(net, Path.of("."));
        return PlayedDemo.run("compute", dir, spec.commandLine().getOut(),
                (folder, console, clock) -> new ComputeDemo(ComputeDemoLayout.of(net, folder),
                        console, clock));
    }
}
