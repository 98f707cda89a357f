package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble cluster unstandby NODE…|--all -f FILE}: pcs's {@code node unstandby}. */
@Command(
        name = "unstandby",
        description = {
                "Take nodes of the live cluster (or of a CIB file with -f FILE) out of standby,",
                "as 'pcs node unstandby NODE...|--all' does."},
        footer = {"", "Example:", "  bramble cluster unstandby -f cib.xml node1"})
public final class UnstandbyCommand extends StandbyCommand {
}
