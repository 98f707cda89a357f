package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble cluster stop}: pcs's {@code cluster stop} on the live cluster. */
@Command(
        name = "stop",
        description = {
                "Refused: the cluster runs on a node as long as its bramble node does. Move",
                "its resources away with 'bramble cluster standby NODE', or stop the daemon",
                "(systemctl stop bramble-node)."},
        footer = {"", "Example:", "  bramble cluster standby web1"})
public class StopCommand extends ClusterVerbCommand {
}
