package io.bramble.it.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.common.os.ProcessUser;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.launch.BrambleLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state directory that cannot be written stops {@code bramble node} at once with exit code 1
 * and one line that says what to do: no stack trace, and no node left half started.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoolStateDirTest {
    private static final Duration START_MAX = Duration.ofSeconds(60);

    @Test
    void aFileWhereTheDirectoryShouldBe(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("state"), "not a directory\n");
        assertFailsWith(file, "bramble: state directory " + file + " is not a directory (a"
                + " file is in its place or on its path); give another with --state-dir");
        assertFailsWith(file.resolve("node"), "bramble: state directory "
                + file.resolve("node") + " is not a directory (a file is in its place or on"
                + " its path); give another with --state-dir");
    }

    @Test
    void aDirectoryThatCannotBeWritten(@TempDir Path dir) throws IOException {
        if (ProcessUser.isRoot()) {
            // Root writes through permissions; a read-only file system stops it too.
            Path mount = Files.createDirectory(dir.resolve("read-only"));
            withTmpfs(mount, "size=1m,ro", () -> assertFailsWith(mount.resolve("node"),
                    "bramble: state directory " + mount.resolve("node") + " is on a read-only"
                            + " file system; give a writable directory with --state-dir"));
        } else {
            Path locked = Files.createDirectory(dir.resolve("locked"));
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
            try {
                assertFailsWith(locked, "bramble: state directory " + locked + " is not"
                        + " writable (permission denied); give a writable directory with"
                        + " --state-dir, or run as its owner or root");
            } finally {
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString(
                        "rwx------"));
            }
        }
    }

    @Test
    void aFullDisk(@TempDir Path dir) throws IOException {
        assumeTrue(ProcessUser.isRoot(), "skipped: a full disk needs root to mount a small"
                + " tmpfs");
        Path full = Files.createDirectory(dir.resolve("full"));
        withTmpfs(full, "size=64k", () -> {
            fill(full.resolve("filler"));
            assertFailsWith(full.resolve("node"), "bramble: state directory "
                    + full.resolve("node") + " is on a full disk (No space left on device);"
                    + " free some space there, or give a directory on another disk with"
                    + " --state-dir");
        });
        // Room for the directory, not for the store's log.
        Path small = Files.createDirectory(dir.resolve("small"));
        withTmpfs(small, "size=1m", () -> {
            ExecResult result = startNode(small.resolve("node"));
            assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
            assertThat(result.output().strip()).matches("bramble: state directory "
                    + small.resolve("node") + " is on a nearly full disk \\(\\d+ KiB free, a"
                    + " node needs 8 MiB\\); free some space there, or give a directory on"
                    + " another disk with --state-dir");
        });
    }

    private static void assertFailsWith(Path stateDir, String line) {
        ExecResult result = startNode(stateDir);
        assertThat(result.timedOut()).as("the node must not start: %s", result.describe())
                .isFalse();
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.output().strip()).as(result.describe()).isEqualTo(line);
    }

    private static ExecResult startNode(Path stateDir) {
        List<String> args = new ArrayList<>(List.of("node", "--state-dir", stateDir
                .toString(), "--listen", "127.0.0.1:24999", "--name", "full.local"));
        return Exec.run(START_MAX, BrambleLauncher.fromSystemProperties().command(args));
    }

    private interface Check {
        void run() throws IOException;
    }

    private static void withTmpfs(Path mountPoint, String options, Check check)
            throws IOException {
        Exec.check(Duration.ofSeconds(10), "mount", "-t", "tmpfs", "-o", options, "tmpfs",
                mountPoint.toString());
        try {
            check.run();
        } finally {
            Exec.check(Duration.ofSeconds(10), "umount", mountPoint.toString());
        }
    }

    /** Writes {@code file} until the disk is full. */
    private static void fill(Path file) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // No space left on device: the point
        }
    }
}
