package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble cluster setup}: pcs's {@code cluster setup} on the live cluster. */
@Command(
        name = "setup",
        description = {
                "Set up the cluster as 'pcs cluster setup NAME NODE... [--start]' does: every",
                "node must be a member of the pool (cluster auth), and the name becomes the",
                "CIB's cluster-name. Membership and quorum come from the pool."},
        footer = {"", "Example:", "  bramble cluster setup webapp web1 web2 --start"})
public class SetupCommand extends ClusterVerbCommand {
}
