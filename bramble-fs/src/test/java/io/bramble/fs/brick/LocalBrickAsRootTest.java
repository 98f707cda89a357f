package io.bramble.fs.brick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.common.os.ProcessUser;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A brick with root's powers, as {@code bramble node} runs it. */
class LocalBrickAsRootTest extends BrickContract {
    @BeforeAll
    static void needsRoot() {
        assumeTrue(ProcessUser.isRoot(), "these tests need root: the brick sets owners and"
                + " trusted.* attributes; run the build as root to include them");
    }

    @Override
    BrickSettings settings() {
        return BrickSettings.defaults().withAsRoot(true);
    }

    @Test
    void everythingACallerMakesIsTheCallers() throws Exception {
        Opened file = create("/file", 0644);
        brick.release(file.handle());
        Attr folder = brick.mkdir(USER, path("/folder"), id(1), 0755);
        Attr fifo = brick.mknod(USER, path("/fifo"), id(2), FileType.FIFO.modeBits() | 0600, 0);
        Attr link = brick.symlink(USER, path("/link"), id(3), "file");
        for (Attr attr : new Attr[]{file.attr(), folder, fifo, link}) {
            assertThat(attr.uid()).isEqualTo(1000);
            assertThat(attr.gid()).isEqualTo(1000);
        }
        for (String name : new String[]{"file", "folder", "fifo", "link"}) {
            PosixFileAttributes onDisk = Files.readAttributes(dir.resolve(name),
                    PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            assertThat(onDisk.owner().getName()).as(name).isIn("1000", uidName(1000));
        }
    }

    private static String uidName(int uid) throws Exception {
        Process id = new ProcessBuilder("id", "-nu", Integer.toString(uid)).start();
        id.waitFor(5, TimeUnit.SECONDS);
        return new String(id.getInputStream().readAllBytes()).strip();
    }

    @Test
    void aSetGidFolderPassesItsGroupDown() throws Exception {
        brick.mkdir(USER, path("/team"), id(1), 0775);
        brick.setattr(USER, path("/team"), new SetAttr(OptionalInt.of(02775),
                OptionalInt.empty(), OptionalInt.of(2000), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty()));
        Opened file = brick.create(USER, path("/team/notes"), id(2), 0100640, OpenFlags.WRONLY
                | OpenFlags.CREAT);
        brick.release(file.handle());
        assertThat(file.attr().gid()).isEqualTo(2000);
        assertThat(file.attr().permissions()).isEqualTo(0640);
        Attr sub = brick.mkdir(USER, path("/team/sub"), id(3), 0750);
        assertThat(sub.gid()).isEqualTo(2000);
        assertThat(sub.permissions()).isEqualTo(02750);
        Attr deeper = brick.mknod(USER, path("/team/sub/x"), id(4), 0100600, 0);
        assertThat(deeper.gid()).isEqualTo(2000);
    }

    @Test
    void bramblesAttributesAreTrustedOnDisk() throws Exception {
        writeFile("/f", "");
        brick.setxattr(USER, path("/f"), "trusted.bramble.pending.b1", marked(1), 0);
        String onDisk = dir.resolve("f").toString();
        assertThat(Xattrs.list(onDisk)).contains("trusted.bramble.id",
                "trusted.bramble.pending.b1");
        assertThat(Xattrs.get(onDisk, "trusted.bramble.id")).isEqualTo(FileIds.bytes(id("/f"
                .hashCode())));
        assertThat(Xattrs.get(dir.toString(), "trusted.bramble.id")).isEqualTo(FileIds.bytes(
                io.bramble.fs.ops.FileId.ROOT));
        brick.symlink(USER, path("/l"), id(5), "f");
        assertThat(Xattrs.get(dir.resolve("l").toString(), "trusted.bramble.id"))
                .as("root may set trusted attributes on links").isEqualTo(FileIds.bytes(id(5)));
    }

    @Test
    void devicesCanBeMadeButNeverOpened() throws Exception {
        Attr nullDevice = brick.mknod(USER, path("/null"), id(6), FileType.CHARACTER_DEVICE
                .modeBits() | 0666, Stat.makedev(1, 3));
        assertThat(nullDevice.rdev()).isEqualTo(Stat.makedev(1, 3));
        assertThat(errno(() -> brick.open(USER, path("/null"), OpenFlags.RDWR))).isEqualTo(
                Errno.ENXIO);
        assertThat(errno(() -> brick.setattr(USER, path("/null"), SetAttr.truncate(0))))
                .isEqualTo(Errno.EINVAL);
    }

    @Test
    void aFullDiskFailsWithEnospcAndHarmsNothing() throws Exception {
        Path small = dir.resolve("small");
        Files.createDirectory(small);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs",
                small.toString()).redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here: "
                + new String(mount.getInputStream().readAllBytes()).strip());
        try (LocalBrick full = LocalBrick.open(small, settings())) {
            Opened keep = full.create(USER, path("/keep"), id(1), 0100644, OpenFlags.RDWR
                    | OpenFlags.CREAT);
            byte[] kept = new byte[8192];
            java.util.Arrays.fill(kept, (byte) 'k');
            full.write(keep.handle(), 0, kept);
            full.release(keep.handle());

            Opened big = full.create(USER, path("/big"), id(2), 0100644, OpenFlags.RDWR
                    | OpenFlags.CREAT);
            FsException failure = null;
            byte[] chunk = new byte[64 * 1024];
            for (long offset = 0; offset < 4 << 20 && failure == null; offset += chunk.length) {
                try {
                    full.write(big.handle(), offset, chunk);
                } catch (FsException e) {
                    failure = e;
                }
            }
            assertThat(failure).isNotNull();
            assertThat(failure.errno()).isEqualTo(Errno.ENOSPC);
            full.release(big.handle());

            Opened again = full.open(USER, path("/keep"), OpenFlags.RDONLY);
            assertThat(full.read(again.handle(), 0, 10_000)).isEqualTo(kept);
            full.release(again.handle());
            assertThat(full.getattr(USER, path("/keep")).id()).isEqualTo(id(1));
            full.unlink(USER, path("/big"));
            assertThat(full.statfs(USER, path("/")).blocksFree()).isPositive();
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(10,
                    TimeUnit.SECONDS);
        }
    }
}
