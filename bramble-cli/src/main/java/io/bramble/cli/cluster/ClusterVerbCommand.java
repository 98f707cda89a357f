package io.bramble.cli.cluster;

import java.util.List;

/**
 * A {@code bramble cluster VERB} that is pcs's {@code cluster VERB} word for word ({@code
 * auth}, {@code setup}, {@code start}, {@code stop}, {@code destroy}): the live cluster runs
 * it under its pcs name.
 */
abstract class ClusterVerbCommand extends PcsGrammarCommand {
    @Override
    final List<String> commandWords(String name) {
        return List.of("cluster", name);
    }
}
