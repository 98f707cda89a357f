package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.exec.Exec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bramble install} run for real on this machine (root), and undone afterwards: what
 * was at the places it writes before the test is put back, so a machine that had bramble
 * installed from elsewhere keeps it.
 */
final class SystemInstall implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<Path> PLACES = List.of(Path.of("/sbin/mount.bramble"), Path.of(
            "/etc/systemd/system/bramble-node.service"));

    /** Each place's link target or file text before the install; empty when it was free. */
    private final Map<Path, Optional<Before>> before = new LinkedHashMap<>();

    private record Before(boolean link, byte[] content) {}

    private SystemInstall() {
        for (Path place : PLACES) {
            before.put(place, read(place));
        }
    }

    /** Runs {@code bin/bramble install --force}; fails the test unless it worked. */
    static SystemInstall run(PoolNodes pool) throws IOException, InterruptedException {
        SystemInstall install = new SystemInstall();
        PoolNodes.Result result = PoolShell.run(pool, "gluster1", "", List.of(PoolShell.LAUNCHER
                .toString(), "install", "--force"));
        System.out.println("bramble install:\n" + result.out() + result.err());
        assertThat(result.exit()).as(result.err()).isZero();
        return install;
    }

    @Override
    public void close() {
        // The jars the test ran are the ones to use: no build while other tests run.
        Exec.run(TIMEOUT, List.of("env", "BRAMBLE_SKIP_BUILD=1", PoolShell.LAUNCHER.toString(),
                "install", "--remove"));
        before.forEach((place, old) -> old.ifPresent(b -> restore(place, b)));
    }

    private static Optional<Before> read(Path place) {
        try {
            if (Files.isSymbolicLink(place)) {
                return Optional.of(new Before(true, Files.readSymbolicLink(place).toString()
                        .getBytes(StandardCharsets.UTF_8)));
            }
            return Files.exists(place, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(new Before(false, Files.readAllBytes(place)))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restore(Path place, Before old) {
        try {
            Files.deleteIfExists(place);
            if (old.link()) {
                Files.createSymbolicLink(place, Path.of(new String(old.content(),
                        StandardCharsets.UTF_8)));
            } else {
                Files.write(place, old.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put back " + place, e);
        }
    }
}
