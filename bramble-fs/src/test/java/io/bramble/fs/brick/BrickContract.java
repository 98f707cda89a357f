package io.bramble.fs.brick;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.EntryXattrs;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.OpenedXattrs;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.ops.XattrsPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every brick does, with or without root; subclasses choose the settings and add what
 * only their mode does.
 */
abstract class BrickContract {
    static final Caller USER = new Caller(1000, 1000, new int[]{1000}, 4242);
    static final long SEED = 7;

    @TempDir
    Path dir;
    LocalBrick brick;

    abstract BrickSettings settings();

    @BeforeEach
    void openBrick() throws Exception {
        brick = LocalBrick.open(dir, settings().withRandom(new Random(SEED)));
    }

    @AfterEach
    void closeBrick() {
        if (brick != null) {
            brick.close();
        }
    }

    static FsPath path(String text) {
        return FsPath.parse(text);
    }

    static FileId id(long n) {
        return new FileId(0xB0B, n);
    }

    static int errno(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(FsException.class);
        return ((FsException) thrown).errno();
    }

    Opened create(String name, int mode) throws FsException {
        return brick.create(USER, path(name), id(name.hashCode()), FileType.REGULAR.modeBits()
                | mode, OpenFlags.RDWR | OpenFlags.CREAT | OpenFlags.EXCL);
    }

    void writeFile(String name, String text) throws FsException {
        Opened file = create(name, 0644);
        brick.write(file.handle(), 0, text.getBytes(StandardCharsets.UTF_8));
        brick.release(file.handle());
    }

    /**
     * Self-heal asks a copy where it holds a file of some id: besides a marked file, a file a
     * handle holds open is found under the name it has now, and not once it is unlinked.
     */
    @Test
    void whereFindsAnOpenFileUnderItsNameNow() throws Exception {
        String where = ChangeStamps.WHERE_PREFIX + id(31);
        brick.mkdir(USER, path("/d"), id(30), 0755);
        Opened open = brick.create(USER, path("/a"), id(31), 0644, OpenFlags.RDWR);
        assertThat(new String(brick.getxattr(USER, FsPath.ROOT, where),
                StandardCharsets.UTF_8)).isEqualTo("/a");
        brick.rename(USER, path("/a"), path("/d/b"), 0);
        assertThat(new String(brick.getxattr(USER, FsPath.ROOT, where),
                StandardCharsets.UTF_8)).isEqualTo("/d/b");
        brick.unlink(USER, path("/d/b"));
        assertThat(errno(() -> brick.getxattr(USER, FsPath.ROOT, where)))
                .isEqualTo(Errno.ENODATA);
        brick.release(open.handle());
        writeFile("/c", "closed");
        assertThat(errno(() -> brick.getxattr(USER, FsPath.ROOT, ChangeStamps.WHERE_PREFIX
                + brick.getattr(USER, path("/c")).id()))).isEqualTo(Errno.ENODATA);
    }

    @Test
    void createWriteReadAndReopen() throws Exception {
        Opened file = create("/hello.txt", 0640);
        assertThat(file.attr().id()).isEqualTo(id("/hello.txt".hashCode()));
        assertThat(file.attr().type()).isEqualTo(FileType.REGULAR);
        assertThat(brick.write(file.handle(), 0, "hello, brick".getBytes())).isEqualTo(12);
        assertThat(new String(brick.read(file.handle(), 7, 100))).isEqualTo("brick");
        brick.fsync(file.handle(), true);
        brick.flush(file.handle());
        brick.release(file.handle());
        assertThat(errno(() -> brick.read(file.handle(), 0, 1))).isEqualTo(Errno.EBADF);

        assertThat(Files.readString(dir.resolve("hello.txt"))).isEqualTo("hello, brick");
        Opened again = brick.open(USER, path("/hello.txt"), OpenFlags.RDONLY);
        assertThat(again.attr().sizeBytes()).isEqualTo(12);
        assertThat(again.attr().id()).isEqualTo(file.attr().id());
        brick.release(again.handle());
        assertThat(brick.openFiles()).isZero();
    }

    /** An arbiter is sent writes of no bytes: they check the handle and leave the file empty. */
    @Test
    void aWriteOfNoBytesPastTheEndLeavesTheFileAsItIs() throws Exception {
        Opened file = create("/arbitrated", 0644);
        assertThat(brick.write(file.handle(), 1 << 20, new byte[0])).isZero();
        assertThat(brick.getattr(USER, path("/arbitrated")).sizeBytes()).isZero();
        brick.release(file.handle());
        assertThat(errno(() -> brick.write(file.handle(), 0, new byte[0])))
                .isEqualTo(Errno.EBADF);
        assertThat(Files.size(dir.resolve("arbitrated"))).isZero();
    }

    @Test
    void createOfAnExistingFileFailsOnlyWithExcl() throws Exception {
        writeFile("/a", "old");
        assertThat(errno(() -> create("/a", 0644))).isEqualTo(Errno.EEXIST);
        Opened reopened = brick.create(USER, path("/a"), id(99), 0100644, OpenFlags.RDWR
                | OpenFlags.CREAT | OpenFlags.TRUNC);
        assertThat(reopened.attr().id()).as("the existing file keeps its id")
                .isEqualTo(id("/a".hashCode()));
        assertThat(reopened.attr().sizeBytes()).isZero();
        brick.release(reopened.handle());
    }

    @Test
    void theRootIsTheVolumeRoot() throws Exception {
        Attr root = brick.getattr(USER, FsPath.ROOT);
        assertThat(root.id()).isEqualTo(FileId.ROOT);
        assertThat(root.isDirectory()).isTrue();
        assertThat(errno(() -> brick.rmdir(USER, FsPath.ROOT))).isEqualTo(Errno.EBUSY);
        assertThat(errno(() -> brick.mkdir(USER, FsPath.ROOT, id(1), 0755)))
                .isEqualTo(Errno.EEXIST);
    }

    @Test
    void modesAreExactWhateverTheUmask() throws Exception {
        // The JVM's umask (usually 022) would clear group and other write bits.
        Opened file = create("/open.sh", 0777);
        assertThat(file.attr().permissions()).isEqualTo(0777);
        brick.release(file.handle());
        assertThat(brick.mkdir(USER, path("/shared"), id(2), 01777).permissions())
                .isEqualTo(01777);
        assertThat(brick.mknod(USER, path("/plain"), id(3), 0100666, 0).permissions())
                .isEqualTo(0666);
        assertThat(Files.getPosixFilePermissions(dir.resolve("open.sh"))).hasSize(9);
    }

    @Test
    void fifosAreMadeButNeverOpened() throws Exception {
        Attr fifo = brick.mknod(USER, path("/pipe"), id(5), FileType.FIFO.modeBits() | 0640,
                0);
        assertThat(fifo.type()).isEqualTo(FileType.FIFO);
        assertThat(fifo.permissions()).isEqualTo(0640);
        assertThat(fifo.id()).isEqualTo(id(5));
        assertThat(brick.getattr(USER, path("/pipe")).id()).isEqualTo(id(5));
        assertThat(errno(() -> brick.open(USER, path("/pipe"), OpenFlags.RDONLY)))
                .isEqualTo(Errno.ENXIO);
        assertThat(errno(() -> brick.mknod(USER, path("/d"), id(6), 040755, 0)))
                .isEqualTo(Errno.EINVAL);
    }

    @Test
    void symlinksKeepTheirTargetAndId() throws Exception {
        Attr link = brick.symlink(USER, path("/link"), id(8), "../somewhere/else");
        assertThat(link.type()).isEqualTo(FileType.SYMLINK);
        assertThat(link.id()).isEqualTo(id(8));
        assertThat(brick.readlink(USER, path("/link"))).isEqualTo("../somewhere/else");
        assertThat(brick.getattr(USER, path("/link")).id()).isEqualTo(id(8));
        assertThat(Files.readSymbolicLink(dir.resolve("link")).toString())
                .isEqualTo("../somewhere/else");
        assertThat(errno(() -> brick.open(USER, path("/link"), OpenFlags.RDONLY)))
                .isEqualTo(Errno.ELOOP);
    }

    @Test
    void aSymlinkInsideAPathIsNeverFollowed() throws Exception {
        brick.symlink(USER, path("/escape"), id(9), "/");
        brick.symlink(USER, path("/up"), id(10), "..");
        assertThat(errno(() -> brick.getattr(USER, path("/escape/etc")))).isEqualTo(
                Errno.ELOOP);
        assertThat(errno(() -> brick.readdir(USER, path("/up"), null, 10))).isEqualTo(
                Errno.ELOOP);
        assertThat(errno(() -> brick.mkdir(USER, path("/up/x"), id(11), 0755))).isEqualTo(
                Errno.ELOOP);
        assertThat(errno(() -> brick.setattr(USER, path("/escape"), SetAttr.chmod(0777))))
                .isEqualTo(Errno.EOPNOTSUPP);
    }

    @Test
    void pathsLongerThanPathMaxReachTheirFiles() throws Exception {
        String name = "p".repeat(FsPath.NAME_BYTES_MAX - 5);
        FsPath deep = FsPath.ROOT;
        for (int level = 0; level < 20; level++) {
            deep = deep.child(name);
            brick.mkdir(USER, deep, id(300 + level), 0755);
        }
        assertThat(String.join("/", deep.names()).length()).isGreaterThan(4096);
        FsPath file = deep.child("leaf");
        Opened leaf = brick.create(USER, file, id(400), 0100644, OpenFlags.RDWR
                | OpenFlags.CREAT | OpenFlags.EXCL);
        brick.write(leaf.handle(), 0, "deep".getBytes(StandardCharsets.UTF_8));
        brick.release(leaf.handle());

        Opened again = brick.open(USER, file, OpenFlags.RDONLY);
        assertThat(new String(brick.read(again.handle(), 0, 10), StandardCharsets.UTF_8))
                .isEqualTo("deep");
        brick.release(again.handle());
        assertThat(brick.readdir(USER, deep, null, 10).entries()).extracting(DirEntry::name)
                .containsExactly("leaf");
        brick.rename(USER, file, deep.child("moved"), 0);
        assertThat(brick.getattr(USER, deep.child("moved")).sizeBytes()).isEqualTo(4);
        FsPath missing = deep.child("nothing");
        assertThat(errno(() -> brick.getattr(USER, missing))).isEqualTo(Errno.ENOENT);

        // Removed from the bottom up, as the test folder's clean-up could not reach so deep.
        brick.unlink(USER, deep.child("moved"));
        for (FsPath level = deep; !level.isRoot(); level = level.parent()) {
            brick.rmdir(USER, level);
        }
        assertThat(brick.readdir(USER, FsPath.ROOT, null, 10).entries()).isEmpty();
    }

    @Test
    void aStepOfALongPathHoldsWhatFitsInPathMax() {
        String name = "n".repeat(255);
        List<String> names = Collections.nCopies(40, name);
        // 16 names of 255 bytes and their 15 slashes are 4,095 bytes, the most one call takes.
        assertThat(Resolver.stepEnd(names, 0)).isEqualTo(16);
        assertThat(Resolver.stepEnd(names, 16)).isEqualTo(32);
        assertThat(Resolver.stepEnd(names, 32)).isEqualTo(40);
        assertThat(Resolver.stepEnd(List.of("a", "b"), 0)).isEqualTo(2);
    }

    @Test
    void hardLinksShareTheFileAndItsId() throws Exception {
        writeFile("/original", "data");
        Attr linked = brick.link(USER, path("/original"), path("/second"));
        assertThat(linked.nlink()).isEqualTo(2);
        assertThat(linked.id()).isEqualTo(id("/original".hashCode()));
        brick.unlink(USER, path("/original"));
        Attr left = brick.getattr(USER, path("/second"));
        assertThat(left.nlink()).isEqualTo(1);
        assertThat(left.id()).isEqualTo(linked.id());
        brick.mkdir(USER, path("/dir"), id(12), 0755);
        assertThat(errno(() -> brick.link(USER, path("/dir"), path("/dir2")))).isEqualTo(
                Errno.EPERM);
    }

    @Test
    void renameHonoursNoReplaceAndExchange() throws Exception {
        writeFile("/a", "A");
        writeFile("/b", "B");
        assertThat(errno(() -> brick.rename(USER, path("/a"), path("/b"),
                FileOps.RENAME_NOREPLACE))).isEqualTo(Errno.EEXIST);
        brick.rename(USER, path("/a"), path("/b"), FileOps.RENAME_EXCHANGE);
        assertThat(Files.readString(dir.resolve("a"))).isEqualTo("B");
        assertThat(Files.readString(dir.resolve("b"))).isEqualTo("A");
        assertThat(brick.getattr(USER, path("/b")).id()).isEqualTo(id("/a".hashCode()));
        brick.rename(USER, path("/a"), path("/b"), 0);
        assertThat(Files.readString(dir.resolve("b"))).isEqualTo("B");
        assertThat(Files.exists(dir.resolve("a"))).isFalse();
        brick.rename(USER, path("/b"), path("/c"), FileOps.RENAME_NOREPLACE);
        assertThat(errno(() -> brick.rename(USER, path("/c"), path("/b"), 3))).isEqualTo(
                Errno.EINVAL);
        assertThat(errno(() -> brick.rename(USER, path("/missing"), path("/x"), 0)))
                .isEqualTo(Errno.ENOENT);
    }

    @Test
    void anUnlinkedOpenFileIsTruncatedChmodedAndTimedThroughItsHandle() throws Exception {
        Opened opened = create("/gone", 0644);
        brick.write(opened.handle(), 0, "0123456789".getBytes(StandardCharsets.UTF_8));
        brick.unlink(USER, path("/gone"));
        assertThat(brick.fsetattr(opened.handle(), SetAttr.truncate(3)).sizeBytes())
                .isEqualTo(3);
        Attr changed = brick.fsetattr(opened.handle(), SetAttr.chmod(0600));
        assertThat(changed.permissions()).isEqualTo(0600);
        assertThat(changed.id()).isEqualTo(id("/gone".hashCode()));
        long when = 1_500_000_000_000_000_000L;
        assertThat(brick.fsetattr(opened.handle(), new SetAttr(OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
                OptionalLong.of(when), OptionalLong.empty())).atimeNs()).isEqualTo(when);
        assertThat(new String(brick.read(opened.handle(), 0, 100), StandardCharsets.UTF_8))
                .isEqualTo("012");
        assertThat(errno(() -> brick.fsetattr(opened.handle(), SetAttr.truncate(-1))))
                .isEqualTo(Errno.EINVAL);
        brick.release(opened.handle());
        assertThat(errno(() -> brick.fsetattr(opened.handle(), SetAttr.chmod(0600))))
                .isEqualTo(Errno.EBADF);
    }

    @Test
    void setattrChangesSizeModeAndTimes() throws Exception {
        writeFile("/f", "0123456789");
        Attr truncated = brick.setattr(USER, path("/f"), SetAttr.truncate(4));
        assertThat(truncated.sizeBytes()).isEqualTo(4);
        assertThat(brick.setattr(USER, path("/f"), SetAttr.chmod(0600)).permissions())
                .isEqualTo(0600);
        long when = 1_600_000_000_123_456_789L;
        Attr timed = brick.setattr(USER, path("/f"), new SetAttr(OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), OptionalLong.of(
                        when),
                OptionalLong.of(SetAttr.NOW)));
        assertThat(timed.atimeNs()).isEqualTo(when);
        assertThat(timed.mtimeNs()).isGreaterThan(when);
        brick.mkdir(USER, path("/d"), id(13), 0755);
        assertThat(errno(() -> brick.setattr(USER, path("/d"), SetAttr.truncate(0))))
                .isEqualTo(Errno.EISDIR);
    }

    @Test
    void userAttributesRoundTripAndTheIdIsReadOnly() throws Exception {
        writeFile("/x", "");
        brick.setxattr(USER, path("/x"), "user.colour", "blue".getBytes(), 0);
        assertThat(brick.getxattr(USER, path("/x"), "user.colour")).isEqualTo("blue".getBytes());
        assertThat(errno(() -> brick.setxattr(USER, path("/x"), "user.colour", new byte[1],
                FileOps.XATTR_CREATE))).isEqualTo(Errno.EEXIST);
        assertThat(brick.listxattr(USER, path("/x"))).containsExactlyInAnyOrder(
                "trusted.bramble.id", "user.colour");
        brick.removexattr(USER, path("/x"), "user.colour");
        assertThat(errno(() -> brick.getxattr(USER, path("/x"), "user.colour"))).isEqualTo(
                Errno.ENODATA);
        assertThat(brick.getxattr(USER, path("/x"), "trusted.bramble.id")).isEqualTo(
                FileIds.bytes(id("/x".hashCode())));
        assertThat(errno(() -> brick.setxattr(USER, path("/x"), "trusted.bramble.id",
                new byte[16], 0))).isEqualTo(Errno.EPERM);
        assertThat(errno(() -> brick.removexattr(USER, path("/x"), "trusted.bramble.id")))
                .isEqualTo(Errno.EPERM);
        byte[] large = new byte[LocalBrick.XATTR_VALUE_BYTES_MAX + 1];
        assertThat(errno(() -> brick.setxattr(USER, path("/x"), "user.big", large, 0)))
                .isEqualTo(Errno.E2BIG);
    }

    @Test
    void attributesComeWithTheXattrsOfAPrefixInOneCall() throws Exception {
        writeFile("/m", "abc");
        brick.setxattr(USER, path("/m"), "trusted.bramble.pending.0", marked(1), 0);
        brick.setxattr(USER, path("/m"), "trusted.bramble.pending.1", new byte[24], 0);
        brick.setxattr(USER, path("/m"), "user.colour", "blue".getBytes(), 0);
        AttrXattrs read = brick.getattrXattrs(USER, path("/m"), "trusted.bramble.pending.");
        assertThat(read.attr()).isEqualTo(brick.getattr(USER, path("/m")));
        assertThat(read.xattrs().keySet()).containsExactly("trusted.bramble.pending.0",
                "trusted.bramble.pending.1");
        assertThat(read.xattrs().get("trusted.bramble.pending.0")).isEqualTo(marked(1));
        assertThat(read.xattrs().get("trusted.bramble.pending.1")).isEqualTo(new byte[24]);
        AttrXattrs all = brick.getattrXattrs(USER, path("/m"), "");
        assertThat(all.xattrs().keySet()).containsExactlyInAnyOrderElementsOf(
                brick.listxattr(USER, path("/m")));
        assertThat(all.xattrs().get("trusted.bramble.id")).isEqualTo(FileIds.bytes(
                id("/m".hashCode())));
        assertThat(errno(() -> brick.getattrXattrs(USER, path("/none"), ""))).isEqualTo(
                Errno.ENOENT);
        OpenedXattrs opened = brick.openXattrs(USER, path("/m"), OpenFlags.RDONLY,
                "trusted.bramble.pending.");
        assertThat(opened.xattrs().keySet()).isEqualTo(read.xattrs().keySet());
        assertThat(opened.xattrs().get("trusted.bramble.pending.0")).isEqualTo(marked(1));
        assertThat(opened.opened().attr()).isEqualTo(read.attr());
        assertThat(brick.read(opened.opened().handle(), 0, 10)).isEqualTo("abc".getBytes());
        brick.release(opened.opened().handle());
        assertThat(brick.openFiles()).isZero();
    }

    @Test
    void aListingPageBringsEachEntrysAttributesAndXattrsOfAPrefix() throws Exception {
        brick.mkdir(USER, path("/p"), id(90), 0755);
        writeFile("/p/a", "abc");
        writeFile("/p/b", "de");
        writeFile("/p/c", "");
        brick.setxattr(USER, path("/p/b"), "trusted.bramble.pending.0", marked(1), 0);
        brick.setxattr(USER, path("/p/b"), "user.colour", "blue".getBytes(), 0);
        XattrsPage first = brick.readdirXattrs(USER, path("/p"), null, 2, "trusted.bramble.");
        assertThat(first.complete()).isFalse();
        assertThat(first.entries()).extracting(EntryXattrs::name).containsExactly("a", "b");
        for (EntryXattrs entry : first.entries()) {
            AttrXattrs alone = brick.getattrXattrs(USER, path("/p/" + entry.name()),
                    "trusted.bramble.");
            assertThat(entry.read().attr()).isEqualTo(alone.attr());
            assertThat(entry.read().xattrs().keySet()).isEqualTo(alone.xattrs().keySet());
        }
        assertThat(first.entries().get(1).read().xattrs().get("trusted.bramble.pending.0"))
                .isEqualTo(marked(1));
        assertThat(first.entries().get(1).read().xattrs()).doesNotContainKey("user.colour");
        XattrsPage rest = brick.readdirXattrs(USER, path("/p"), "b", 10, "trusted.bramble.");
        assertThat(rest.entries()).extracting(EntryXattrs::name).containsExactly("c");
        assertThat(rest.complete()).isTrue();
        assertThat(errno(() -> brick.readdirXattrs(USER, path("/p"), null, 0, ""))).isEqualTo(
                Errno.EINVAL);
    }

    @Test
    void theMetadataFolderIsInvisibleAndUntouchable() throws Exception {
        assertThat(Files.isDirectory(dir.resolve(".bramble/index/pending"))).isTrue();
        writeFile("/visible", "");
        List<String> names = brick.readdir(USER, FsPath.ROOT, null, 100).entries().stream()
                .map(DirEntry::name).toList();
        assertThat(names).containsExactly("visible");
        assertThat(errno(() -> brick.getattr(USER, path("/.bramble")))).isEqualTo(Errno.ENOENT);
        assertThat(errno(() -> brick.readdir(USER, path("/.bramble/index"), null, 10)))
                .isEqualTo(Errno.ENOENT);
        assertThat(errno(() -> brick.mkdir(USER, path("/.bramble/x"), id(14), 0755)))
                .isEqualTo(Errno.EPERM);
        assertThat(errno(() -> brick.unlink(USER, path("/.bramble")))).isEqualTo(Errno.EPERM);
        assertThat(errno(() -> brick.rename(USER, path("/visible"), path("/.bramble"), 0)))
                .isEqualTo(Errno.EPERM);
        assertThat(errno(() -> brick.setxattr(USER, path("/.bramble"), "user.a", new byte[1],
                0))).isEqualTo(Errno.EPERM);
        brick.mkdir(USER, path("/sub"), id(15), 0755);
        brick.mkdir(USER, path("/sub/.bramble"), id(16), 0755);
        assertThat(brick.readdir(USER, path("/sub"), null, 10).entries()).hasSize(1)
                .as("only the root's .bramble is the brick's");
    }

    @Test
    void readdirPagesInNameOrderWithAttributes() throws Exception {
        brick.mkdir(USER, path("/d"), id(20), 0755);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = String.format("f%02d", 24 - i);
            brick.mknod(USER, path("/d/" + name), id(100 + i), 0100600, 0);
            expected.add(0, name);
        }
        List<DirEntry> listed = new ArrayList<>();
        String after = null;
        DirPage page;
        do {
            page = brick.readdir(USER, path("/d"), after, 10);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(10);
            listed.addAll(page.entries());
            after = page.lastName();
        } while (!page.complete());
        assertThat(listed).extracting(DirEntry::name).containsExactlyElementsOf(expected);
        assertThat(listed.getFirst().attr().id()).isEqualTo(id(124));
        assertThat(listed.getFirst().attr().permissions()).isEqualTo(0600);
        assertThat(brick.readdir(USER, path("/d"), "f24", 10).entries()).isEmpty();
        assertThat(errno(() -> brick.readdir(USER, path("/d"), null, 0))).isEqualTo(
                Errno.EINVAL);
    }

    @Test
    void aMarkIsClearedIfUnchangedOnlyWhenNoChangeCameSinceItsStamp() throws Exception {
        Opened file = create("/h", 0644);
        brick.setxattr(USER, path("/h"), "trusted.bramble.pending.1", marked(1), 0);
        byte[] stamp = brick.getxattr(USER, path("/h"), ChangeStamps.STAMP);
        assertThat(stamp).hasSize(ChangeStamps.STAMP_BYTES);
        assertThat(brick.getxattr(USER, path("/h"), ChangeStamps.STAMP)).isEqualTo(stamp);
        brick.write(file.handle(), 0, "an application's write".getBytes(StandardCharsets.UTF_8));
        assertThat(brick.getxattr(USER, path("/h"), ChangeStamps.STAMP)).isNotEqualTo(stamp);

        assertThat(errno(() -> brick.setxattr(USER, path("/h"), ChangeStamps.CLEAR_IF_UNCHANGED,
                ChangeStamps.clearRequest(stamp, 1), 0))).isEqualTo(Errno.EAGAIN);
        assertThat(brick.pendingIndex()).extracting(p -> p.path().toString()).containsExactly(
                "/h");
        brick.setxattr(USER, path("/h"), ChangeStamps.CLEAR_IF_UNCHANGED, ChangeStamps
                .clearRequest(ChangeStamps.raised(stamp, 1), 1), 0);
        assertThat(brick.listxattr(USER, path("/h"))).doesNotContain(
                "trusted.bramble.pending.1");
        assertThat(brick.pendingIndex()).isEmpty();
        brick.release(file.handle());

        byte[] root = brick.getxattr(USER, FsPath.ROOT, ChangeStamps.STAMP);
        create("/other", 0644);
        assertThat(brick.getxattr(USER, FsPath.ROOT, ChangeStamps.STAMP)).isEqualTo(ChangeStamps
                .raised(root, 1));
        brick.close();
        brick = LocalBrick.open(dir, settings());
        assertThat(brick.getxattr(USER, path("/h"), ChangeStamps.STAMP)).isNotEqualTo(
                ChangeStamps.raised(stamp, 1));
    }

    @Test
    void aFileCopiedInWithoutAnIdGetsOneOnceAndKeepsIt() throws Exception {
        Files.writeString(dir.resolve("copied"), "from elsewhere");
        Random same = new Random(SEED);
        FileId expected = new FileId(same.nextLong(), same.nextLong());
        assertThat(brick.getattr(USER, path("/copied")).id()).isEqualTo(expected);
        assertThat(brick.getattr(USER, path("/copied")).id()).isEqualTo(expected);
        brick.close();
        brick = LocalBrick.open(dir, settings());
        assertThat(brick.getattr(USER, path("/copied")).id()).isEqualTo(expected);
    }

    @Test
    void pendingMarksPutAFileInTheIndexUntilAllAreClear() throws Exception {
        writeFile("/doc", "x");
        FileId doc = id("/doc".hashCode());
        brick.setxattr(USER, path("/doc"), "trusted.bramble.pending.b1", new byte[12], 0);
        assertThat(brick.pendingIndex()).isEmpty();
        brick.setxattr(USER, path("/doc"), "trusted.bramble.pending.b1", marked(1), 0);
        brick.setxattr(USER, path("/doc"), "trusted.bramble.pending.b2", marked(2), 0);
        assertThat(brick.pendingIndex()).containsExactly(new PendingFile(doc, path("/doc")));
        assertThat(brick.listxattr(USER, path("/doc"))).contains("trusted.bramble.pending.b1",
                "trusted.bramble.pending.b2");

        brick.rename(USER, path("/doc"), path("/moved"), 0);
        assertThat(brick.pendingIndex()).containsExactly(new PendingFile(doc, path("/moved")));
        brick.setxattr(USER, path("/moved"), "trusted.bramble.pending.b1", new byte[12], 0);
        assertThat(brick.pendingIndex()).hasSize(1);
        brick.removexattr(USER, path("/moved"), "trusted.bramble.pending.b2");
        assertThat(brick.pendingIndex()).isEmpty();

        brick.setxattr(USER, path("/moved"), "trusted.bramble.pending.b1", marked(3), 0);
        assertThat(brick.pendingIndex()).hasSize(1);
        brick.unlink(USER, path("/moved"));
        assertThat(brick.pendingIndex()).as("a deleted file leaves the index").isEmpty();
    }

    @Test
    void aMarkThatCannotBeSetLeavesNoIndexEntry() throws Exception {
        writeFile("/f", "");
        assertThat(errno(() -> brick.setxattr(USER, path("/f"), "trusted.bramble.pending.b1",
                marked(1), FileOps.XATTR_REPLACE))).isEqualTo(Errno.ENODATA);
        assertThat(brick.pendingIndex()).isEmpty();
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        brick.close();
        brick.close();
        assertThat(errno(() -> brick.getattr(USER, FsPath.ROOT))).isEqualTo(Errno.ENOTCONN);
    }

    @Test
    void theIndexSurvivesAReopen() throws Exception {
        brick.mkdir(USER, path("/d"), id(30), 0755);
        brick.setxattr(USER, path("/d"), "trusted.bramble.pending.b1", marked(1), 0);
        brick.close();
        brick = LocalBrick.open(dir, settings());
        assertThat(brick.pendingIndex()).containsExactly(new PendingFile(id(30), path("/d")));
        brick.rmdir(USER, path("/d"));
        assertThat(brick.pendingIndex()).isEmpty();
    }

    static byte[] marked(int count) {
        byte[] value = new byte[12];
        value[3] = (byte) count;
        return value;
    }

    @Test
    void statfsAndFactsDescribeTheDisk() throws Exception {
        StatFs fs = brick.statfs(USER, FsPath.ROOT);
        assertThat(fs.blocks()).isPositive();
        assertThat(fs.blocksAvailable()).isLessThanOrEqualTo(fs.blocksFree());
        assertThat(fs.nameBytesMax()).isEqualTo(255);
        BrickFacts facts = brick.facts();
        assertThat(facts.bytesTotal()).isEqualTo(fs.blocks() * fs.blockSizeBytes());
        assertThat(facts.inodesTotal()).isEqualTo(fs.files());
        assertThat(facts.fileSystemType()).isNotBlank();
        assertThat(facts.device()).isNotBlank();
        java.nio.file.FileStore store = Files.getFileStore(dir);
        assertThat(facts.onRootFileSystem()).isEqualTo(store.equals(Files.getFileStore(Path.of(
                "/"))));
    }

    @Test
    void handlesAreBoundedAndTheBrickClosesCleanly() throws Exception {
        brick.close();
        brick = LocalBrick.open(dir, settings().withHandlesMax(2));
        writeFile("/f", "x");
        Opened one = brick.open(USER, path("/f"), OpenFlags.RDONLY);
        brick.open(USER, path("/f"), OpenFlags.RDONLY);
        assertThat(errno(() -> brick.open(USER, path("/f"), OpenFlags.RDONLY))).isEqualTo(
                Errno.EMFILE);
        assertThat(errno(() -> create("/g", 0644))).isEqualTo(Errno.EMFILE);
        assertThat(Files.exists(dir.resolve("g"))).as("a refused create leaves nothing")
                .isFalse();
        brick.close();
        assertThat(errno(() -> brick.read(one.handle(), 0, 1))).isEqualTo(Errno.EBADF);
        assertThat(errno(() -> brick.getattr(USER, path("/f")))).isEqualTo(Errno.ENOTCONN);
        brick = null;
    }

    @Test
    void synchronousOpensReachTheDiskWithODsync() throws Exception {
        writeFile("/sync", "");
        Opened file = brick.open(USER, path("/sync"), OpenFlags.WRONLY | OpenFlags.DSYNC);
        assertThat(OpenFds.flagsOf(dir.resolve("sync")) & OpenFlags.DSYNC).isNotZero();
        brick.release(file.handle());
    }

    @Test
    void holesAreFoundWithSeekData() throws Exception {
        Opened file = create("/sparse", 0644);
        brick.write(file.handle(), 1 << 20, new byte[]{1});
        assertThat(brick.lseek(file.handle(), 0, 3)).isEqualTo(1 << 20 & ~4095);
        assertThat(brick.lseek(file.handle(), 0, 4)).isZero();
        brick.fallocate(file.handle(), 0, 0, 8192);
        assertThat(brick.getattr(USER, path("/sparse")).blocks512()).isGreaterThanOrEqualTo(16);
        assertThat(errno(() -> brick.lseek(file.handle(), 0, 0))).isEqualTo(Errno.EINVAL);
        brick.release(file.handle());
    }
}
