package io.bramble.fs.distribute;

import static io.bramble.fs.distribute.DistributeGrowthTest.ALICE;
import static io.bramble.fs.distribute.DistributeGrowthTest.get;
import static io.bramble.fs.distribute.DistributeTest.list;
import static io.bramble.fs.distribute.DistributeTest.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Distribute while {@code remove-brick} empties a subvolume: nothing new lands on it, every
 * file stays readable before, during and after its move, and once it is removed clients pass
 * over it.
 */
class DistributeShrinkTest {
    private static final String GOING = "vol-replicate-1";
    private final DistributeGrowthTest volume = new DistributeGrowthTest();

    private List<String> files() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            names.add("/d/f" + i);
            names.add("/r" + i);
        }
        return names;
    }

    /** Data files (not pointers, not folders) on {@code brick} in the root and /d. */
    private static List<String> dataFiles(MemoryFileOps brick) throws FsException {
        List<String> found = new ArrayList<>();
        for (String dir : List.of("/", "/d")) {
            FsPath at = dir.equals("/") ? FsPath.ROOT : path(dir);
            for (DirEntry entry : brick.readdir(Caller.ROOT, at, null, 1000).entries()) {
                if (!entry.attr().isDirectory() && !Pointer.looksLike(entry.attr())) {
                    found.add(entry.name());
                }
            }
        }
        return found;
    }

    private static void drain(Distribute client) throws FsException {
        client.fixLayout(FsPath.ROOT);
        client.fixLayout(path("/d"));
        for (String dir : List.of("/", "/d")) {
            for (String name : list(client, dir, 50)) {
                FsPath file = dir.equals("/") ? path("/" + name) : path(dir + "/" + name);
                if (client.getattr(Caller.ROOT, file).isDirectory()) {
                    continue;
                }
                Optional<Move> move = client.moveOffDecommissioned(file);
                if (move.isPresent()) {
                    assertThat(move.get().run()).isEqualTo(Move.Outcome.MOVED);
                }
            }
        }
    }

    @Test
    void aDecommissionedSubvolumeTakesNothingNewAndEmptiesThenLeaves() throws FsException {
        Distribute client = volume.client(3);
        Distribute unaware = volume.client(3);
        client.mkdir(ALICE, path("/d"), volume.newId(), 0755);
        for (String file : files()) {
            volume.put(client, file, "old " + file);
        }
        assertThat(dataFiles(volume.bricks.get(1))).as("some files start there").isNotEmpty();

        client.retire(Set.of(GOING), Set.of());
        for (int i = 0; i < 30; i++) {
            volume.put(client, "/d/n" + i, "new " + i);
            volume.put(client, "/n" + i, "new " + i);
        }
        client.mkdir(ALICE, path("/e"), volume.newId(), 0755);
        for (int i = 0; i < 10; i++) {
            volume.put(client, "/e/n" + i, "new " + i);
        }
        assertThat(dataFiles(volume.bricks.get(1))).as("nothing new there").allMatch(
                name -> name.startsWith("r") || name.startsWith("f"));
        assertThat(DistributeGrowthTest.holds(volume.bricks.get(1), "/e")).isFalse();

        drain(client);
        assertThat(dataFiles(volume.bricks.get(1))).as("every file moved off").isEmpty();
        for (String file : files()) {
            assertThat(get(client, file)).isEqualTo("old " + file);
            assertThat(get(unaware, file)).as("a client that saw nothing yet").isEqualTo(
                    "old " + file);
        }

        client.retire(Set.of(), Set.of(GOING));
        unaware.retire(Set.of(), Set.of(GOING));
        Distribute fresh = volume.client(3);
        fresh.retire(Set.of(), Set.of(GOING));
        for (Distribute each : List.of(client, unaware, fresh)) {
            for (String file : files()) {
                assertThat(get(each, file)).isEqualTo("old " + file);
            }
            assertThat(list(each, "/d", 7)).hasSize(60);
            assertThat(each.statfs(ALICE, FsPath.ROOT).blocks()).isPositive();
        }
        volume.put(fresh, "/d/last", "last");
        assertThat(get(client, "/d/last")).isEqualTo("last");
        fresh.unlink(ALICE, path("/d/last"));
        for (int i = 0; i < 10; i++) {
            fresh.unlink(ALICE, path("/e/n" + i));
        }
        fresh.rmdir(ALICE, path("/e"));
        assertThat(list(client, "/", 100)).doesNotContain("e");
    }

    /** A layout written before the decommission is not used to place names. */
    @Test
    void aStoredLayoutNamingTheSubvolumeIsNotUsedToPlace() throws FsException {
        Distribute client = volume.client(2);
        client.mkdir(ALICE, path("/d"), volume.newId(), 0755);
        client.retire(Set.of(GOING), Set.of());
        for (int i = 0; i < 40; i++) {
            volume.put(client, "/d/n" + i, "new " + i);
        }
        assertThat(dataFiles(volume.bricks.get(1))).isEmpty();
        assertThat(list(client, "/d", 9)).hasSize(40);
    }
}
