package io.bramble.compute.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.pool.store.MemoryStore;
import io.bramble.pool.store.Versioned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryMirrorTest {
    private static final String WORKER_A = "worker_worker-20261207061502-10.0.0.1-40123";
    private static final String WORKER_B = "worker_worker-20261207061503-10.0.0.2-40124";
    private static final String APP = "app_app-20261207061810-0000";

    @TempDir
    Path temp;

    /** A second ahead of this machine's: the files restore writes are settled at once. */
    private final ManualClock clock = new ManualClock(0, System.currentTimeMillis() + 1_000);
    private final MemoryStore store = new MemoryStore();
    private final List<String> skipped = new ArrayList<>();

    @Test
    void theMastersFilesReachTheStoreAndAnotherMemberStartsFromThem() throws IOException {
        RecoveryMirror onA = new RecoveryMirror(temp.resolve("a"), clock);
        Files.createDirectories(onA.dir());
        write(onA.dir().resolve(WORKER_A), "worker on a");
        write(onA.dir().resolve(WORKER_B), "worker on b");
        write(onA.dir().resolve(APP), "the application");
        onA.sync(store, skipped::add);
        assertThat(keys()).containsExactly(APP, WORKER_A, WORKER_B);

        Files.delete(onA.dir().resolve(APP)); // the application ended
        onA.sync(store, skipped::add);
        assertThat(keys()).containsExactly(WORKER_A, WORKER_B);

        RecoveryMirror onB = new RecoveryMirror(temp.resolve("b"), clock);
        Files.createDirectories(onB.dir());
        write(onB.dir().resolve(APP), "left from an earlier run");
        assertThat(onB.restore(store, Set.of("10.0.0.2"))).isEqualTo(1);
        try (var files = Files.list(onB.dir())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .containsExactly(WORKER_B);
        }
        assertThat(Files.readString(onB.dir().resolve(WORKER_B))).isEqualTo("worker on b");
        onB.sync(store, skipped::add);
        assertThat(keys()).as("a's worker, gone with a, leaves the store").containsExactly(
                WORKER_B);
        assertThat(skipped).isEmpty();
    }

    @Test
    void aFileJustWrittenWaitsForTheNextRoundAndNothingIsDroppedMeanwhile() throws IOException {
        RecoveryMirror mirror = new RecoveryMirror(temp, clock);
        write(temp.resolve(WORKER_A), "worker on a");
        mirror.sync(store, skipped::add);
        write(temp.resolve(APP), "the application");
        Files.setLastModifiedTime(temp.resolve(APP), FileTime.fromMillis(clock.epochMillis()));
        mirror.sync(store, skipped::add);
        assertThat(keys()).containsExactly(WORKER_A);
        clock.advanceMillis(RecoveryMirror.SETTLED_MS);
        mirror.sync(store, skipped::add);
        assertThat(keys()).containsExactly(APP, WORKER_A);
    }

    @Test
    void clearingForgetsEveryRecord() throws IOException {
        RecoveryMirror mirror = new RecoveryMirror(temp, clock);
        write(temp.resolve(WORKER_A), "worker on a");
        mirror.sync(store, skipped::add);
        RecoveryMirror.clear(store);
        assertThat(keys()).isEmpty();
    }

    private void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(clock.epochMillis()
                - RecoveryMirror.SETTLED_MS));
    }

    private List<String> keys() {
        return store.list(RecoveryMirror.TYPE).stream().map(Versioned::key).sorted().toList();
    }
}
