package io.bramble.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bramble demo cluster}: seed 003's floating IP and web server, played here. */
@Command(
        name = "cluster",
        description = {
                "Build seed 003's two-node web cluster on this machine, without root, and",
                "move its website: once by standby, once by pulling a node's power.",
                "",
                "Starts three bramble nodes on loopback addresses (node1 127.0.6.131, node2",
                ".132 and a witness .133, which gives the two a majority) and, with pcs's",
                "words, a group 'website' of a floating IP (ocf:bramble:vip-loopback, the",
                "address 127.0.6.140 claimed by one node at a time) and a web server",
                "(ocf:bramble:web, bramble web on 127.0.6.140:8080). A client asks for the",
                "page every 50 ms; a line a second shows which node answered. Then:",
                "",
                "  1. the serving node is put in standby (bramble cluster standby NODE): the",
                "     group stops there and starts on the other node; then unstandby.",
                "  2. the serving node loses its power (kill -9 of its bramble node, of the",
                "     keeper that would stop its resources, and of the web server it runs):",
                "     once its lease has certainly run out, the other node takes the group",
                "     over.",
                "",
                "Each step says how long the site took to answer from the other node and",
                "how many requests failed meanwhile. Exit code 0 when the site moved at each",
                "step and the web server never ran on two nodes at once. Ctrl-C stops",
                "everything the demo started; nothing outlives it."},
        footer = {"",
                "Examples:",
                "  bramble demo cluster",
                "  bramble demo cluster --net 127.0.7"})
public final class ClusterDemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "--net",
            paramLabel = "127.X.Y",
            defaultValue = ClusterDemoLayout.NET_DEFAULT,
            description = "The 127.X.Y.0/24 to use; ${DEFAULT-VALUE} by default.")
    private String net;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = {"Where the nodes' state, the site and the logs go; a",
                    "temporary folder by default, removed at the end unless",
                    "something did not behave."})
    private Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ClusterDemoLayout.of(net, Path.of("."));
        return PlayedDemo.run("cluster", dir, spec.commandLine().getOut(),
                (folder, console, clock) -> new ClusterDemo(ClusterDemoLayout.of(net, folder),
                        console, clock));
    }
}
