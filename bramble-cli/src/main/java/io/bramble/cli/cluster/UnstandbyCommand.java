package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble cluster unstandby NODE…|--all -f FILE}: pcs's {@code node unstandby}. */
@Command(
        name = "unstandby",
        description = {
                "Take nodes of a CIB file out of standby, as 'pcs -f FILE node unstandby",
                "NODE...|--all' does."},
        footer = {"", "Example:", "  bramble cluster unstandby -f cib.xml node1"})
public final class UnstandbyCommand extends StandbyCommand {
}
