package io.bramble.cli.cluster;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code bramble cluster standby NODE…|--all -f FILE}: pcs's {@code node standby} under its
 * older name {@code cluster standby}, since {@code bramble node} runs the pool's node.
 */
@Command(
        name = "standby",
        description = {
                "Put nodes of the live cluster (or of a CIB file with -f FILE) in standby, as",
                "'pcs node standby NODE...|--all' does."},
        footer = {"", "Example:", "  bramble cluster standby -f cib.xml node1"})
public class StandbyCommand extends PcsGrammarCommand {
    @Override
    List<String> commandWords(String name) {
        return List.of("node", name);
    }
}
