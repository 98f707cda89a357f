package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble property -f FILE …}: {@code pcs -f FILE property …}. */
@Command(
        name = "property",
        description = {
                "Cluster properties in pcs's words on the live cluster (or a CIB file with -f",
                "FILE): set NAME=VALUE, unset NAME, config."},
        footer = {
                "",
                "Example:",
                "  bramble property -f cib.xml set stonith-enabled=false"})
public final class PropertyCommand extends PcsGrammarCommand {
}
