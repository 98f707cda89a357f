package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble cluster destroy --all}: pcs's {@code cluster destroy --all} on the live cluster. */
@Command(
        name = "destroy",
        description = {
                "Remove the cluster, as 'pcs cluster destroy --all' does: every resource is",
                "stopped first (disabled and waited for, 120 s or --wait=SECONDS), then the",
                "pool's CIB is emptied, so that 'cluster setup' can start anew. The pool",
                "stays. bramble keeps one configuration for all nodes, so --all is required."},
        footer = {"", "Example:", "  bramble cluster destroy --all"})
public class DestroyCommand extends ClusterVerbCommand {
}
