package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bin/bramble called through a link named {@code gluster}, as users install it, with what
 * the user types on standard input: the way to test Gluster's questions, which the CLI asks
 * on a terminal.
 */
final class GlusterLink {
    private final Path gluster;
    private final PoolNodes pool;

    GlusterLink(Path bin, PoolNodes pool) throws IOException {
        Path launcher = Path.of("..", "bin", "bramble").toAbsolutePath().normalize();
        this.gluster = Files.createSymbolicLink(bin.resolve("gluster"), launcher);
        this.pool = pool;
    }

    /** Runs {@code gluster ARGS} against node {@code on}, typing {@code typed}. */
    PoolNodes.Result run(String on, String typed, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(gluster.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("BRAMBLE_SKIP_BUILD", "1");
        env.put("BRAMBLE_STATE_DIR", pool.stateDir(on).toString());
        env.put("JDK_JAVA_OPTIONS", "-Djdk.net.hosts.file=" + pool.hostsFile());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(typed.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new PoolNodes.Result(process.exitValue(), out, err);
    }
}
