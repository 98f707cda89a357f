package io.bramble.pool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.error.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {
    @Test
    void theNodeIdIsMadeOnceAndKept(@TempDir Path dir) {
        Path state = dir.resolve("node");
        var first = StateDir.open(state);
        var id = first.nodeId();
        first.close();
        try (var again = StateDir.open(state)) {
            assertThat(again.nodeId()).isEqualTo(id);
            assertThat(again.membership()).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(PosixFilePermissionsOf(state)))
                .isEqualTo("rwx------");
    }

    @Test
    void theListenPortIsKeptForThisMachinesClients(@TempDir Path dir) throws Exception {
        assertThat(StateDir.listenPortOf(dir)).isEmpty();
        try (var state = StateDir.open(dir)) {
            state.recordListenPort(24107);
            state.recordListenPort(30604);
        }
        assertThat(StateDir.listenPortOf(dir)).hasValue(30604);
        Files.writeString(dir.resolve("listen-port"), "not a port\n");
        assertThat(StateDir.listenPortOf(dir)).isEmpty();
    }

    @Test
    void oneNodeAtATime(@TempDir Path dir) {
        try (var held = StateDir.open(dir)) {
            assertThatThrownBy(() -> StateDir.open(dir)).isInstanceOf(UserError.class)
                    .hasMessageContaining("in use by another bramble node");
        }
    }

    @Test
    void anUnwritableDirectoryIsAClearErrorAtStart(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> StateDir.open(file.resolve("state")))
                .isInstanceOf(UserError.class)
                .hasMessage("state directory " + file.resolve("state") + " is not a directory"
                        + " (a file is in its place or on its path); give another with"
                        + " --state-dir");
        assertThatThrownBy(() -> StateDir.open(file)).isInstanceOf(UserError.class)
                .hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> StateDir.open(Path.of("/proc/bramble-state")))
                .isInstanceOf(UserError.class).hasMessageContaining("is not writable");
    }

    @Test
    void eachCauseSaysWhatToDo() {
        Path root = Path.of("/var/lib/bramble");
        assertThat(StateDir.unusableMessage(root, new java.io.IOException(
                "No space left on device"))).isEqualTo("state directory /var/lib/bramble is on"
                        + " a full disk (No space left on device); free some space there, or"
                        + " give a directory on another disk with --state-dir");
        assertThat(StateDir.unusableMessage(root, new java.nio.file.AccessDeniedException(
                root.toString()))).isEqualTo("state directory /var/lib/bramble is not writable"
                        + " (permission denied); give a writable directory with --state-dir,"
                        + " or run as its owner or root");
        assertThat(StateDir.unusableMessage(root, new java.nio.file.FileSystemException(
                root.toString(), null, "Read-only file system"))).isEqualTo("state directory"
                        + " /var/lib/bramble is on a read-only file system; give a writable"
                        + " directory with --state-dir");
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> PosixFilePermissionsOf(
            Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
