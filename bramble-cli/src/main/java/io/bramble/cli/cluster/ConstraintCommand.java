package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble constraint -f FILE …}: {@code pcs -f FILE constraint …}. */
@Command(
        name = "constraint",
        description = {
                "Constraints in pcs's words on the live cluster (or a CIB file with -f FILE):",
                "location R prefers|avoids NODE[=SCORE], colocation add A with B [SCORE],",
                "order [ACTION] A then [ACTION] B, remove ID, ref R."},
        footer = {
                "",
                "Example:",
                "  bramble constraint -f cib.xml colocation add WebSite with VirtualIP INFINITY"})
public final class ConstraintCommand extends PcsGrammarCommand {
}
