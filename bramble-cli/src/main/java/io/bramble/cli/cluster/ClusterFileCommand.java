package io.bramble.cli.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * A cluster verb whose file the local node reads or writes ({@code cib}, {@code cib-push}):
 * the words that name a file are made absolute here, where the user's directory is known.
 */
abstract class ClusterFileCommand extends ClusterVerbCommand {
    @Override
    final List<String> withPaths(List<String> words) {
        return words.stream().map(w -> w.startsWith("-") || w.contains("=")
                ? w
                : Path.of(w).toAbsolutePath().normalize().toString()).toList();
    }
}
