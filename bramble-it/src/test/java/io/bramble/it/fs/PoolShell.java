package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run as a user's shell on a member of the pool runs it: bramble finds the member's
 * state directory through {@code BRAMBLE_STATE_DIR} and the pool's names through its hosts
 * file, whatever program (gluster, mount) calls it.
 */
final class PoolShell {
    /** bin/bramble of this tree. */
    static final Path LAUNCHER = Path.of("..", "bin", "bramble").toAbsolutePath().normalize();

    private PoolShell() {
    }

    /** Runs {@code command} on member {@code on}, typing {@code typed} on its input. */
    static PoolNodes.Result run(PoolNodes pool, String on, String typed, List<String> command)
            throws IOException, InterruptedException {
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
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        return new PoolNodes.Result(process.exitValue(), out, err);
    }
}
