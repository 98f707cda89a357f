package io.bramble.fs.distribute;

import static io.bramble.fs.distribute.DistributeTest.list;
import static io.bramble.fs.distribute.DistributeTest.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.time.ManualClock;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Distribute over subvolumes appended while it runs (a volume that took new bricks): the
 * directories made before lack copies on the new subvolumes, and every client, grown or not
 * yet, must go on finding every file and placing new names where the others look.
 */
class DistributeGrowthTest {
    static final Caller ALICE = DistributeTest.ALICE;

    final List<MemoryFileOps> bricks = new ArrayList<>();
    final ManualClock clock = new ManualClock();
    long nextId = 500;

    Subvolume subvolume(int index) {
        while (bricks.size() <= index) {
            bricks.add(new MemoryFileOps());
        }
        return new Subvolume("vol-replicate-" + index, bricks.get(index));
    }

    /** A client over subvolumes 0 to {@code count - 1}. */
    Distribute client(int count) {
        List<Subvolume> subvolumes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subvolumes.add(subvolume(i));
        }
        return new Distribute(subvolumes, DistributeLimits.DEFAULTS, clock);
    }

    /** Appends subvolumes to {@code client} until it has {@code count}. */
    void grow(Distribute client, int count) {
        List<Subvolume> more = new ArrayList<>();
        for (int i = client.subvolumeNames().size(); i < count; i++) {
            more.add(subvolume(i));
        }
        client.append(more);
    }

    FileId newId() {
        return FileId.of(new UUID(9, nextId++));
    }

    void put(FileOps files, String file, String text) throws FsException {
        Opened opened = files.create(ALICE, path(file), newId(), 0644, OpenFlags.RDWR);
        files.write(opened.handle(), 0, text.getBytes(StandardCharsets.UTF_8));
        files.release(opened.handle());
    }

    static String get(FileOps files, String file) throws FsException {
        Opened opened = files.open(ALICE, path(file), OpenFlags.RDONLY);
        try {
            return new String(files.read(opened.handle(), 0, 1 << 16), StandardCharsets.UTF_8);
        } finally {
            files.release(opened.handle());
        }
    }

    static boolean holds(FileOps brick, String file) {
        try {
            brick.getattr(Caller.ROOT, path(file));
            return true;
        } catch (FsException e) {
            return false;
        }
    }

    /** Stores {@code layout} on the root's copy of every brick, as add-brick does. */
    void keepRoot(Layout layout, int bricksCount) throws FsException {
        for (int i = 0; i < bricksCount; i++) {
            bricks.get(i).setxattr(Caller.ROOT, FsPath.ROOT, LayoutXattr.NAME,
                    LayoutXattr.encode(layout), 0);
        }
    }

    /** Spreads {@code dir}'s layout over every subvolume, as fix-layout does, on its copies. */
    void spread(String dir, int count) throws FsException {
        Attr attr = bricks.getFirst().getattr(Caller.ROOT, path(dir));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("vol-replicate-" + i);
        }
        byte[] layout = LayoutXattr.encode(Layout.forDirectory(attr.id(), names));
        for (int i = 0; i < count; i++) {
            if (holds(bricks.get(i), dir)) {
                bricks.get(i).setxattr(Caller.ROOT, path(dir), LayoutXattr.NAME, layout, 0);
            }
        }
    }

    @Test
    void aVolumeOfOneSubvolumeGrowsUnderARunningClient() throws FsException {
        Distribute files = client(1);
        files.mkdir(ALICE, path("/d"), newId(), 0755);
        for (int i = 0; i < 20; i++) {
            put(files, "/d/f" + i, "old " + i);
            put(files, "/r" + i, "root " + i);
        }
        Opened open = files.open(ALICE, path("/d/f1"), OpenFlags.RDWR);
        keepRoot(Layout.spread(List.of("vol-replicate-0"), 0), 1);
        grow(files, 2);

        assertThat(files.read(open.handle(), 0, 100)).as("a handle from before")
                .isEqualTo("old 1".getBytes(StandardCharsets.UTF_8));
        files.release(open.handle());
        for (int i = 20; i < 40; i++) {
            put(files, "/d/f" + i, "new " + i);
            put(files, "/r" + i, "root " + i);
        }
        assertThat(bricks.get(1).readdir(Caller.ROOT, FsPath.ROOT, null, 100).entries())
                .as("names stay where clients of one subvolume look, until fix-layout")
                .isEmpty();
        assertThat(holds(bricks.get(1), "/d")).isFalse();
        assertThat(list(files, "/d", 7)).hasSize(40);
        assertThat(get(files, "/d/f3")).isEqualTo("old 3");
        assertThat(get(files, "/d/f33")).isEqualTo("new 33");

        files.mkdir(ALICE, path("/d/sub"), newId(), 0700);
        assertThat(holds(bricks.get(1), "/d/sub")).as("made only where its parent is")
                .isFalse();
        files.mkdir(ALICE, path("/top"), newId(), 0755);
        assertThat(holds(bricks.get(1), "/top")).as("a new directory spans both").isTrue();
        files.rename(ALICE, path("/d/f2"), path("/top/moved"), 0);
        assertThat(get(files, "/top/moved")).isEqualTo("old 2");
        files.rename(ALICE, path("/d/sub"), path("/top/sub"), 0);
        assertThat(files.getattr(ALICE, path("/top/sub")).isDirectory()).isTrue();
        files.unlink(ALICE, path("/d/f4"));
        assertThat(list(files, "/d", 100)).hasSize(38).doesNotContain("f2", "f4", "sub");
        files.rmdir(ALICE, path("/top/sub"));
        assertThat(files.statfs(ALICE, FsPath.ROOT).blocks()).isEqualTo(2 * bricks.getFirst()
                .statfs(ALICE, FsPath.ROOT).blocks());
    }

    /**
     * fix-layout after two subvolumes became four keeps each old subvolume's names in half of
     * its old range, so a rebalance moves half of the files, the least it can, whatever the
     * directory's rotation; the moves then leave every file where its name hashes.
     */
    @Test
    void aRebalanceOntoAnAddedPairMovesHalfOfTheFiles() throws FsException {
        Distribute files = client(2);
        keepRoot(Layout.spread(List.of("vol-replicate-0", "vol-replicate-1"), 0), 2);
        int dirs = 8;
        int each = 200;
        for (int d = 0; d < dirs; d++) {
            files.mkdir(ALICE, path("/d" + d), newId(), 0755);
            for (int i = 0; i < each; i++) {
                put(files, "/d" + d + "/f" + i, "file " + d + " " + i);
            }
        }
        grow(files, 4);
        files.fixLayout(FsPath.ROOT);
        int moved = 0;
        for (int d = 0; d < dirs; d++) {
            files.fixLayout(path("/d" + d));
            int movedHere = 0;
            for (int i = 0; i < each; i++) {
                if (files.move(path("/d" + d + "/f" + i)).isPresent()) {
                    movedHere++;
                }
            }
            assertThat(movedHere).as("files moved out of /d%d", d).isBetween(each * 3 / 10,
                    each * 7 / 10);
            moved += movedHere;
        }
        assertThat(moved).isBetween(dirs * each * 2 / 5, dirs * each * 3 / 5);
        for (int d = 0; d < dirs; d++) {
            for (int i = 0; i < each; i++) {
                assertThat(get(files, "/d" + d + "/f" + i)).isEqualTo("file " + d + " " + i);
            }
        }
    }

    @Test
    void aDirectorySpreadLaterMakesItsCopyBeforeItsFirstNameThere() throws FsException {
        Distribute files = client(1);
        files.mkdir(ALICE, path("/d"), newId(), 02750);
        files.setattr(Caller.ROOT, path("/d"), new SetAttr(OptionalInt.empty(),
                OptionalInt.of(1234), OptionalInt.of(5678), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty()));
        files.setxattr(ALICE, path("/d"), "user.note", "kept".getBytes(
                StandardCharsets.UTF_8), 0);
        for (int i = 0; i < 10; i++) {
            put(files, "/d/old" + i, "old " + i);
        }
        grow(files, 2);
        spread("/d", 2);
        clock.advanceMillis(DistributeLimits.LAYOUT_KEEP_MS);
        for (int i = 0; i < 30; i++) {
            put(files, "/d/new" + i, "new " + i);
        }
        Attr old = bricks.get(0).getattr(Caller.ROOT, path("/d"));
        Attr copy = bricks.get(1).getattr(Caller.ROOT, path("/d"));
        assertThat(copy.id()).isEqualTo(old.id());
        assertThat(copy.permissions()).isEqualTo(02750);
        assertThat(copy.uid()).isEqualTo(1234);
        assertThat(copy.gid()).isEqualTo(5678);
        assertThat(bricks.get(1).getxattr(Caller.ROOT, path("/d"), "user.note"))
                .isEqualTo("kept".getBytes(StandardCharsets.UTF_8));
        assertThat(bricks.get(1).readdir(Caller.ROOT, path("/d"), null, 100).entries())
                .as("new names spread over the new subvolume").isNotEmpty();
        for (int i = 0; i < 10; i++) {
            assertThat(get(files, "/d/old" + i)).as("found off their hashed subvolume")
                    .isEqualTo("old " + i);
        }
        assertThat(list(files, "/d", 4)).hasSize(40).doesNotHaveDuplicates();
        assertThatThrownBy(() -> files.rmdir(ALICE, path("/d"))).hasMessageContaining(
                "ENOTEMPTY");
    }

    @Test
    void aClientNotGrownYetSeesWhatAGrownOneWritesInOldDirectories() throws FsException {
        Distribute before = client(2);
        before.mkdir(ALICE, path("/d"), newId(), 0755);
        put(before, "/d/a", "a");
        Distribute grown = client(2);
        grow(grown, 3);
        put(grown, "/d/b", "b");
        grown.mkdir(ALICE, path("/d/e"), newId(), 0755);
        for (int i = 0; i < 20; i++) {
            put(grown, "/d/g" + i, "g" + i);
        }
        assertThat(bricks.get(2).readdir(Caller.ROOT, FsPath.ROOT, null, 10).entries())
                .as("the stored layout keeps /d on the first two").isEmpty();
        assertThat(list(before, "/d", 100)).hasSize(23);
        assertThat(get(before, "/d/g7")).isEqualTo("g7");
        put(before, "/d/e/c", "c");
        assertThat(get(grown, "/d/e/c")).isEqualTo("c");
    }

    @Test
    void aDirectoryMadeByAClientOfOneSubvolumeIsPlacedAsThatClientPlacesIt()
            throws FsException {
        MemoryFileOps only = new MemoryFileOps();
        bricks.add(only);
        Distribute grown = client(2);
        only.mkdir(ALICE, path("/late"), newId(), 0755);
        for (int i = 0; i < 10; i++) {
            put(grown, "/late/x" + i, "x" + i);
        }
        assertThat(holds(bricks.get(1), "/late")).isFalse();
        assertThat(only.readdir(ALICE, path("/late"), null, 100).entries()).hasSize(10);
    }
}
