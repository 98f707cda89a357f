package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble stonith -f FILE …}: {@code pcs -f FILE stonith …}. */
@Command(
        name = "stonith",
        description = {
                "Fence devices in pcs's words on the live cluster (or a CIB file with -f FILE):",
                "create ID FENCE_AGENT [NAME=VALUE...], delete ID, config, describe AGENT,",
                "list, and on the live cluster fence NODE [--off] (a node, by hand)."},
        footer = {
                "",
                "Example:",
                "  bramble stonith -f cib.xml create fence1 fence_bramble_lab op monitor interval=60s"})
public final class StonithCommand extends PcsGrammarCommand {
}
