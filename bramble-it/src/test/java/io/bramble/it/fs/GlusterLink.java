package io.bramble.it.fs;

import io.bramble.it.pool.PoolNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * bin/bramble called through a link named {@code gluster}, as users install it, with what
 * the user types on standard input: the way to test Gluster's questions, which the CLI asks
 * on a terminal.
 */
final class GlusterLink {
    private final Path gluster;
    private final PoolNodes pool;

    GlusterLink(Path bin, PoolNodes pool) throws IOException {
        this.gluster = Files.createSymbolicLink(bin.resolve("gluster"), PoolShell.LAUNCHER);
        this.pool = pool;
    }

    /** Runs {@code gluster ARGS} against node {@code on}, typing {@code typed}. */
    PoolNodes.Result run(String on, String typed, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(gluster.toString()));
        command.addAll(List.of(args));
        return PoolShell.run(pool, on, typed, command);
    }
}
