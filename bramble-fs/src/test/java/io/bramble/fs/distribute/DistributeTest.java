package io.bramble.fs.distribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.FaultyFileOps;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DistributeTest {
    static final Caller ALICE = new Caller(1000, 1000, new int[0], 7);

    final List<MemoryFileOps> bricks = new ArrayList<>();
    final List<FaultyFileOps> faulty = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    long nextId = 100;

    Distribute distribute(int count) {
        List<Subvolume> subvolumes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MemoryFileOps brick = new MemoryFileOps();
            bricks.add(brick);
            faulty.add(new FaultyFileOps("s" + i, brick));
            names.add("vol-replicate-" + i);
            subvolumes.add(new Subvolume(names.get(i), faulty.get(i)));
        }
        return new Distribute(subvolumes);
    }

    FileId newId() {
        return FileId.of(new UUID(7, nextId++));
    }

    static FsPath path(String text) {
        return FsPath.parse(text);
    }

    /** The subvolume {@code name} hashes to in the directory with id {@code dir}. */
    int hashedIndex(FileId dir, String name) {
        return names.indexOf(Layout.forDirectory(dir, names).owner(NameHash.of(name)));
    }

    /** A name starting with {@code prefix} that hashes to subvolume {@code index}. */
    String nameOn(FileId dir, int index, String prefix) {
        for (int i = 0;; i++) {
            if (hashedIndex(dir, prefix + i) == index) {
                return prefix + i;
            }
        }
    }

    void write(FileOps files, String file, String text) throws FsException {
        Opened opened = files.create(ALICE, path(file), newId(), 0644, OpenFlags.RDWR);
        files.write(opened.handle(), 0, text.getBytes(StandardCharsets.UTF_8));
        files.release(opened.handle());
    }

    String read(FileOps files, String file) throws FsException {
        Opened opened = files.open(ALICE, path(file), OpenFlags.RDONLY);
        try {
            return new String(files.read(opened.handle(), 0, 1 << 16), StandardCharsets.UTF_8);
        } finally {
            files.release(opened.handle());
        }
    }

    boolean exists(FileOps brick, String file) {
        try {
            brick.getattr(Caller.ROOT, path(file));
            return true;
        } catch (FsException e) {
            return false;
        }
    }

    static List<String> list(FileOps files, String dir, int pageSize) throws FsException {
        List<String> listed = new ArrayList<>();
        String after = null;
        while (true) {
            DirPage page = files.readdir(ALICE, path(dir), after, pageSize);
            assertThat(page.entries().size()).isLessThanOrEqualTo(pageSize);
            page.entries().forEach(e -> listed.add(e.name()));
            if (page.complete()) {
                return listed;
            }
            assertThat(page.entries()).as("an incomplete page is never empty").isNotEmpty();
            after = page.lastName();
        }
    }

    @Test
    void oneSubvolumeAddsNothing() throws FsException {
        Distribute files = distribute(1);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        Opened opened = files.create(ALICE, path("/d/f"), newId(), 0644, OpenFlags.RDWR);
        Opened direct = bricks.getFirst().open(ALICE, path("/d/f"), OpenFlags.RDONLY);
        assertThat(opened.handle()).as("the brick's own handle").isEqualTo(direct.handle() - 1);
        files.write(opened.handle(), 0, new byte[]{1, 2, 3});
        files.release(opened.handle());
        assertThat(bricks.getFirst().listxattr(Caller.ROOT, path("/d"))).isEmpty();
        assertThat(bricks.getFirst().listxattr(Caller.ROOT, FsPath.ROOT)).isEmpty();
        String elsewhere = "g-renamed";
        files.rename(ALICE, path("/d/f"), path("/d/" + elsewhere), 0);
        assertThat(list(files, "/d", 10)).containsExactly(elsewhere);
        assertThat(faulty.getFirst().calls("getxattr")).isZero();
    }

    @Test
    void filesLiveOnTheirHashedSubvolumeAndDirectoriesEverywhere() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        for (int i = 0; i < 30; i++) {
            write(files, "/d/file" + i, "data " + i);
        }
        int[] counts = new int[3];
        for (int i = 0; i < 30; i++) {
            int hashed = hashedIndex(dir, "file" + i);
            counts[hashed]++;
            for (int s = 0; s < 3; s++) {
                assertThat(exists(bricks.get(s), "/d/file" + i)).isEqualTo(s == hashed);
            }
            assertThat(read(files, "/d/file" + i)).isEqualTo("data " + i);
        }
        assertThat(counts).doesNotContain(0);
        Layout expected = Layout.forDirectory(dir, names);
        for (MemoryFileOps brick : bricks) {
            assertThat(LayoutXattr.decode(brick.getxattr(Caller.ROOT, path("/d"),
                    LayoutXattr.NAME))).isEqualTo(expected);
            assertThat(LayoutXattr.decode(brick.getxattr(Caller.ROOT, FsPath.ROOT,
                    LayoutXattr.NAME))).as("the root's layout, made on first use")
                    .isEqualTo(Layout.forDirectory(FileId.ROOT, names));
        }
        assertThat(list(files, "/d", 7)).hasSize(30).isSorted();
    }

    @Test
    void aRenameToANameHashedElsewhereLeavesAPointer() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        String from = nameOn(dir, 0, "a");
        String to = nameOn(dir, 2, "b");
        write(files, "/d/" + from, "hello");
        files.rename(ALICE, path("/d/" + from), path("/d/" + to), 0);

        Attr pointer = bricks.get(2).getattr(Caller.ROOT, path("/d/" + to));
        assertThat(pointer.mode()).isEqualTo(0101000);
        assertThat(pointer.sizeBytes()).isZero();
        assertThat(new String(bricks.get(2).getxattr(Caller.ROOT, path("/d/" + to),
                Pointer.LINKTO), StandardCharsets.UTF_8)).isEqualTo("vol-replicate-0");
        assertThat(bricks.get(0).getattr(Caller.ROOT, path("/d/" + to)).sizeBytes())
                .isEqualTo(5);
        assertThat(pointer.id()).isEqualTo(
                bricks.get(0).getattr(Caller.ROOT, path("/d/" + to)).id());

        assertThat(read(files, "/d/" + to)).isEqualTo("hello");
        assertThat(files.getattr(ALICE, path("/d/" + to)).sizeBytes()).isEqualTo(5);
        assertThat(list(files, "/d", 1)).containsExactly(to);
        assertThatThrownBy(() -> files.getattr(ALICE, path("/d/" + from)))
                .hasMessageContaining("ENOENT");

        // Renamed again to a name that hashes to the data's subvolume: the pointer goes.
        String home = nameOn(dir, 0, "c");
        files.rename(ALICE, path("/d/" + to), path("/d/" + home), 0);
        assertThat(exists(bricks.get(2), "/d/" + to)).isFalse();
        assertThat(read(files, "/d/" + home)).isEqualTo("hello");
        files.unlink(ALICE, path("/d/" + home));
        for (MemoryFileOps brick : bricks) {
            assertThat(brick.readdir(Caller.ROOT, path("/d"), null, 10).entries()).isEmpty();
        }
    }

    @Test
    void aRenameOverAFileElsewhereRemovesItsData() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        String from = nameOn(dir, 0, "a");
        String to = nameOn(dir, 1, "b");
        write(files, "/d/" + from, "new");
        write(files, "/d/" + to, "old");
        files.rename(ALICE, path("/d/" + from), path("/d/" + to), 0);
        assertThat(read(files, "/d/" + to)).isEqualTo("new");
        assertThat(Pointer.looksLike(bricks.get(1).getattr(Caller.ROOT, path("/d/" + to))))
                .isTrue();
        assertThat(list(files, "/d", 5)).containsExactly(to);
        assertThatThrownBy(() -> files.rename(ALICE, path("/d/" + to), path("/d/" + to),
                FileOps.RENAME_NOREPLACE)).hasMessageContaining("EEXIST");
    }

    @Test
    void aRenameMovesAnExistingPointer() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        String first = nameOn(dir, 0, "a");
        String second = nameOn(dir, 1, "b");
        String third = nameOn(dir, 1, "c");
        write(files, "/d/" + first, "x");
        files.rename(ALICE, path("/d/" + first), path("/d/" + second), 0);
        files.rename(ALICE, path("/d/" + second), path("/d/" + third), 0);
        assertThat(exists(bricks.get(1), "/d/" + second)).isFalse();
        assertThat(Pointer.looksLike(bricks.get(1).getattr(Caller.ROOT, path("/d/" + third))))
                .isTrue();
        assertThat(read(files, "/d/" + third)).isEqualTo("x");
    }

    @Test
    void hardLinksNeverFailWithExdev() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        files.mkdir(ALICE, path("/e"), newId(), 0755);
        String name = nameOn(dir, 0, "a");
        String other = nameOn(dir, 2, "b");
        write(files, "/d/" + name, "shared");
        Attr linked = files.link(ALICE, path("/d/" + name), path("/d/" + other));
        assertThat(linked.nlink()).isEqualTo(2);
        files.link(ALICE, path("/d/" + name), path("/e/z"));
        assertThat(read(files, "/d/" + other)).isEqualTo("shared");
        assertThat(read(files, "/e/z")).isEqualTo("shared");
        assertThat(files.getattr(ALICE, path("/d/" + other)).nlink()).isEqualTo(3);
        assertThat(list(files, "/d", 10)).containsExactlyInAnyOrder(name, other);
        files.unlink(ALICE, path("/d/" + name));
        assertThat(read(files, "/d/" + other)).isEqualTo("shared");
        assertThatThrownBy(() -> files.link(ALICE, path("/d/" + other), path("/e/z")))
                .hasMessageContaining("EEXIST");
    }

    @Test
    void aFileOffItsHashedSubvolumeIsStillFound() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        String name = nameOn(dir, 0, "old");
        // Placed under an older layout: on subvolume 1, no pointer on 0.
        Opened opened = bricks.get(1).create(ALICE, path("/d/" + name), newId(), 0644,
                OpenFlags.RDWR);
        bricks.get(1).write(opened.handle(), 0, "moved".getBytes(StandardCharsets.UTF_8));
        assertThat(read(files, "/d/" + name)).isEqualTo("moved");
        files.unlink(ALICE, path("/d/" + name));
        assertThat(exists(bricks.get(1), "/d/" + name)).isFalse();
    }

    /**
     * No copy of the root has a layout yet and subvolume 1 is away: its share of the names
     * stays its own, so a file there is unreachable (ENOTCONN), not missing (ENOENT), and
     * the layout is written only once every subvolume answers.
     */
    @Test
    void aSubvolumeAwayKeepsItsShareOfADirectoryNoCopyHasALayoutFor() throws FsException {
        Distribute files = distribute(3);
        FileId root = bricks.get(0).getattr(ALICE, FsPath.ROOT).id();
        String name = nameOn(root, 1, "f");
        write(bricks.get(1), "/" + name, "on one");
        faulty.get(1).state(FaultyFileOps.State.DOWN);
        assertThatThrownBy(() -> files.getattr(ALICE, path("/" + name)))
                .hasMessageContaining("ENOTCONN");
        assertThatThrownBy(() -> bricks.get(0).getxattr(Caller.ROOT, FsPath.ROOT,
                LayoutXattr.NAME)).hasMessageContaining("ENODATA");
        faulty.get(1).state(FaultyFileOps.State.UP);
        assertThat(read(files, "/" + name)).isEqualTo("on one");
        assertThat(bricks.get(0).getxattr(Caller.ROOT, FsPath.ROOT, LayoutXattr.NAME))
                .isNotEmpty();
    }

    @Test
    void aMkdirThatCannotReachEverySubvolumeLeavesNoCopy() throws FsException {
        Distribute files = distribute(3);
        files.getattr(ALICE, FsPath.ROOT);
        faulty.get(1).state(FaultyFileOps.State.DOWN);
        assertThatThrownBy(() -> files.mkdir(ALICE, path("/d"), newId(), 0755))
                .hasMessageContaining("ENOTCONN");
        faulty.get(1).state(FaultyFileOps.State.UP);
        for (MemoryFileOps brick : bricks) {
            assertThat(exists(brick, "/d")).isFalse();
        }
        files.mkdir(ALICE, path("/d"), newId(), 0755);
        for (MemoryFileOps brick : bricks) {
            assertThat(exists(brick, "/d")).isTrue();
        }
    }

    @Test
    void rmdirChecksEverySubvolumeAndRemovesPointersToNothing() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        String name = nameOn(dir, 2, "x");
        write(files, "/d/" + name, "keep");
        assertThatThrownBy(() -> files.rmdir(ALICE, path("/d")))
                .hasMessageContaining("ENOTEMPTY");
        files.unlink(ALICE, path("/d/" + name));
        bricks.get(1).mknod(ALICE, path("/d/stale"), newId(), Pointer.MODE, 0);
        bricks.get(1).setxattr(Caller.ROOT, path("/d/stale"), Pointer.LINKTO,
                Pointer.linkto("vol-replicate-0"), 0);
        assertThat(list(files, "/d", 3)).isEmpty();
        files.rmdir(ALICE, path("/d"));
        for (MemoryFileOps brick : bricks) {
            assertThat(exists(brick, "/d")).isFalse();
        }
    }

    @Test
    void anEmptyStickyFileOfTheUserIsNotTakenForAPointer() throws FsException {
        Distribute files = distribute(2);
        files.mknod(ALICE, path("/sticky"), newId(), Pointer.MODE, 0);
        assertThat(list(files, "/", 5)).containsExactly("sticky");
        assertThat(files.getattr(ALICE, path("/sticky")).mode()).isEqualTo(Pointer.MODE);
    }

    @Test
    void listingsMergeInNameOrderAndHidePointers() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = String.format("n%02d", i);
            write(files, "/d/" + name, name);
            expected.add(name);
        }
        files.mkdir(ALICE, path("/d/sub"), newId(), 0755);
        expected.add("sub");
        for (int i = 0; i < 40; i += 3) {
            String renamed = String.format("r%02d", i);
            files.rename(ALICE, path("/d/" + expected.get(i)), path("/d/" + renamed), 0);
            expected.set(i, renamed);
        }
        List<String> sorted = expected.stream().sorted().toList();
        for (int pageSize : new int[]{1, 2, 3, 7, 100}) {
            assertThat(list(files, "/d", pageSize)).as("page size %d", pageSize)
                    .containsExactlyElementsOf(sorted);
        }
        DirEntry sub = files.readdir(ALICE, path("/d"), "r99", 1).entries().getFirst();
        assertThat(sub.attr().isDirectory()).isTrue();
    }

    @Test
    void aDirectorysAttributesMergeItsCopies() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0750);
        long latest = 0;
        for (MemoryFileOps brick : bricks) {
            latest = Math.max(latest, brick.getattr(Caller.ROOT, path("/d")).mtimeNs());
        }
        bricks.get(2).setattr(Caller.ROOT, path("/d"), new SetAttr(
                java.util.OptionalInt.empty(), java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(), java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(), java.util.OptionalLong.of(latest + 1_000)));
        Attr merged = files.getattr(ALICE, path("/d"));
        assertThat(merged.mtimeNs()).isEqualTo(latest + 1_000);
        assertThat(merged.permissions()).isEqualTo(0750);
        assertThat(merged.id()).isEqualTo(dir);
        files.setattr(ALICE, path("/d"), SetAttr.chmod(0700));
        for (MemoryFileOps brick : bricks) {
            assertThat(brick.getattr(Caller.ROOT, path("/d")).permissions()).isEqualTo(0700);
        }
    }

    @Test
    void aRenamedDirectoryKeepsItsFilesAndLayout() throws FsException {
        Distribute files = distribute(3);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        for (int i = 0; i < 10; i++) {
            write(files, "/d/f" + i, "v" + i);
        }
        files.rename(ALICE, path("/d"), path("/e"), 0);
        for (int i = 0; i < 10; i++) {
            assertThat(read(files, "/e/f" + i)).isEqualTo("v" + i);
        }
        assertThatThrownBy(() -> files.getattr(ALICE, path("/d"))).hasMessageContaining("ENOENT");
        files.mkdir(ALICE, path("/d"), newId(), 0755);
        write(files, "/d/f0", "again");
        assertThat(read(files, "/d/f0")).isEqualTo("again");
        assertThatThrownBy(() -> files.rename(ALICE, path("/d"), path("/e"), 0))
                .hasMessageContaining("ENOTEMPTY");
    }

    @Test
    void exchangeWorksOnOneSubvolumeOnly() throws FsException {
        Distribute files = distribute(2);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        String a = nameOn(dir, 0, "a");
        String b = nameOn(dir, 0, "b");
        String c = nameOn(dir, 1, "c");
        write(files, "/d/" + a, "A");
        write(files, "/d/" + b, "B");
        write(files, "/d/" + c, "C");
        files.rename(ALICE, path("/d/" + a), path("/d/" + b), FileOps.RENAME_EXCHANGE);
        assertThat(read(files, "/d/" + a)).isEqualTo("B");
        assertThat(read(files, "/d/" + b)).isEqualTo("A");
        assertThatThrownBy(() -> files.rename(ALICE, path("/d/" + a), path("/d/" + c),
                FileOps.RENAME_EXCHANGE)).hasMessageContaining("EXDEV");
    }

    @Test
    void createOpensAnExistingFileThroughItsPointer() throws FsException {
        Distribute files = distribute(2);
        FileId dir = newId();
        files.mkdir(ALICE, path("/d"), dir, 0755);
        String from = nameOn(dir, 0, "a");
        String to = nameOn(dir, 1, "b");
        write(files, "/d/" + from, "data");
        files.rename(ALICE, path("/d/" + from), path("/d/" + to), 0);
        assertThatThrownBy(() -> files.create(ALICE, path("/d/" + to), newId(), 0644,
                OpenFlags.RDWR | OpenFlags.EXCL)).hasMessageContaining("EEXIST");
        Opened opened = files.create(ALICE, path("/d/" + to), newId(), 0644, OpenFlags.RDWR);
        assertThat(new String(files.read(opened.handle(), 0, 10), StandardCharsets.UTF_8))
                .isEqualTo("data");
        files.release(opened.handle());
        // A pointer whose data are gone does not block a new file of that name.
        bricks.get(0).unlink(ALICE, path("/d/" + to));
        write(files, "/d/" + to, "fresh");
        assertThat(read(files, "/d/" + to)).isEqualTo("fresh");
        assertThat(Pointer.looksLike(bricks.get(1).getattr(Caller.ROOT, path("/d/" + to))))
                .isFalse();
    }

    @Test
    void statfsSumsTheSubvolumes() throws FsException {
        Distribute files = distribute(3);
        long one = bricks.getFirst().statfs(ALICE, FsPath.ROOT).blocks();
        assertThat(files.statfs(ALICE, FsPath.ROOT).blocks()).isEqualTo(3 * one);
    }

    @Test
    void openFilesAreBoundedAndHandlesMapToTheSubvolumes() throws FsException {
        List<Subvolume> subvolumes = List.of(
                new Subvolume("a", new MemoryFileOps()), new Subvolume("b", new MemoryFileOps()));
        Distribute files = new Distribute(subvolumes, new DistributeLimits(16, 2));
        Opened first = files.create(ALICE, path("/x"), newId(), 0644, OpenFlags.RDWR);
        files.create(ALICE, path("/y"), newId(), 0644, OpenFlags.RDWR);
        assertThatThrownBy(() -> files.create(ALICE, path("/z"), newId(), 0644,
                OpenFlags.RDWR)).hasMessageContaining("ENFILE");
        files.release(first.handle());
        assertThatThrownBy(() -> files.read(first.handle(), 0, 1))
                .hasMessageContaining("EBADF");
        files.create(ALICE, path("/z"), newId(), 0644, OpenFlags.RDWR);
        files.close();
        assertThatThrownBy(() -> files.getattr(ALICE, FsPath.ROOT))
                .hasMessageContaining("ENOTCONN");
    }
}
