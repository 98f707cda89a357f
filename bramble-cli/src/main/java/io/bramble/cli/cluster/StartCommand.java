package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble cluster start}: pcs's {@code cluster start} on the live cluster. */
@Command(
        name = "start",
        description = {
                "Check that the cluster runs on nodes, as 'pcs cluster start [--all|NODE...]'",
                "starts it: the cluster runs on every member that runs bramble node, so this",
                "says which nodes run it and which cannot be reached."},
        footer = {"", "Example:", "  bramble cluster start --all"})
public class StartCommand extends ClusterVerbCommand {
}
