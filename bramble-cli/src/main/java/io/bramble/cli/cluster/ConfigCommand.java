package io.bramble.cli.cluster;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code bramble cluster config [-f FILE]}: pcs's {@code config}, the whole configuration in
 * its sections ({@code pcs config} through the {@code pcs} link).
 */
@Command(
        name = "config",
        description = {
                "The whole configuration of the live cluster (or of a CIB file with -f FILE)",
                "in 'pcs config' sections: nodes, resources, fence devices, constraints with",
                "their ids, defaults and cluster properties."},
        footer = {"", "Examples:", "  bramble cluster config", "  pcs config"})
public final class ConfigCommand extends PcsGrammarCommand {
    @Override
    List<String> commandWords(String name) {
        return List.of("config");
    }
}
