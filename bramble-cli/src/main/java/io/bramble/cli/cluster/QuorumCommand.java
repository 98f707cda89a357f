package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble quorum status}: pcs's {@code quorum status}, for the pool. */
@Command(
        name = "quorum",
        description = {
                "Show the pool's quorum as 'pcs quorum status' shows corosync's: its members,",
                "one vote each (a witness too), and whether this node reaches a majority."},
        footer = {"", "Example:", "  bramble quorum status"})
public class QuorumCommand extends PcsGrammarCommand {
}
