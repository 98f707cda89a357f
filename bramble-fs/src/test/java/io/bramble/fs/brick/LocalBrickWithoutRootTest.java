package io.bramble.fs.brick;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.MoveSeal;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.SetAttr;
import java.nio.charset.StandardCharsets;
import io.bramble.fs.ops.FileType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.junit.jupiter.api.Test;

/**
 * A brick without root's powers (a demo or a test as an ordinary user): bramble's attributes
 * live in the {@code user} namespace, and ids of links and nodes in the id map. Runs whoever
 * runs the build, since the settings, not the process, choose the mode.
 */
class LocalBrickWithoutRootTest extends BrickContract {
    @Override
    BrickSettings settings() {
        return BrickSettings.defaults().withAsRoot(false);
    }

    @Test
    void aSealTurnsOnlyAnUnchangedFileNobodyHasOpenIntoAPointerThatRefusesOpens()
            throws Exception {
        writeFile("/f", "data");
        byte[] stamp = brick.getxattr(USER, path("/f"), ChangeStamps.STAMP);
        long open = brick.open(USER, path("/f"), OpenFlags.RDWR).handle();
        byte[] seal = MoveSeal.request(stamp, "vol-client-1");
        assertThat(errno(() -> brick.setxattr(USER, path("/f"), MoveSeal.SEAL, seal, 0)))
                .isEqualTo(Errno.EBUSY);
        brick.write(open, 4, new byte[]{'!'});
        brick.release(open);
        assertThat(errno(() -> brick.setxattr(USER, path("/f"), MoveSeal.SEAL, seal, 0)))
                .isEqualTo(Errno.EAGAIN);
        byte[] now = brick.getxattr(USER, path("/f"), ChangeStamps.STAMP);
        brick.setxattr(USER, path("/f"), MoveSeal.SEAL, MoveSeal.request(now, "vol-client-1"),
                0);
        Attr sealed = brick.getattr(USER, path("/f"));
        assertThat(sealed.mode()).isEqualTo(FileType.REGULAR.modeBits() | 01000);
        assertThat(sealed.sizeBytes()).isZero();
        assertThat(new String(brick.getxattr(USER, path("/f"), MoveSeal.LINKTO),
                StandardCharsets.UTF_8)).isEqualTo("vol-client-1");
        assertThat(errno(() -> brick.open(USER, path("/f"), OpenFlags.RDONLY)))
                .isEqualTo(Errno.ESTALE);
        assertThat(errno(() -> brick.setattr(USER, path("/f"), SetAttr.chmod(0644))))
                .isEqualTo(Errno.ESTALE);
        assertThat(brick.openFiles()).isZero();
    }

    @Test
    void bramblesAttributesAreUserAttributesOnDisk() throws Exception {
        writeFile("/f", "");
        brick.setxattr(USER, path("/f"), "trusted.bramble.pending.b1", marked(1), 0);
        UserDefinedFileAttributeView view = Files.getFileAttributeView(dir.resolve("f"),
                UserDefinedFileAttributeView.class);
        assertThat(view.list()).containsExactlyInAnyOrder("bramble.id", "bramble.pending.b1");
        ByteBuffer id = ByteBuffer.allocate(16);
        view.read("bramble.id", id);
        assertThat(id.array()).isEqualTo(FileIds.bytes(id("/f".hashCode())));
        assertThat(brick.listxattr(USER, path("/f"))).containsExactlyInAnyOrder(
                "trusted.bramble.id", "trusted.bramble.pending.b1");
    }

    @Test
    void clientsMayNotUseTheStoredPrefix() throws Exception {
        writeFile("/f", "");
        assertThat(errno(() -> brick.setxattr(USER, path("/f"), "user.bramble.id",
                new byte[16], 0))).isEqualTo(Errno.EPERM);
        assertThat(errno(() -> brick.getxattr(USER, path("/f"), "user.bramble.pending.x")))
                .isEqualTo(Errno.EPERM);
    }

    @Test
    void linksAndNodesKeepTheirIdsInTheMap() throws Exception {
        brick.symlink(USER, path("/l"), id(41), "target");
        brick.mknod(USER, path("/p"), id(42), FileType.FIFO.modeBits() | 0600, 0);
        try (var entries = Files.list(dir.resolve(".bramble/ids"))) {
            assertThat(entries.count()).isEqualTo(2);
        }
        brick.close();
        brick = LocalBrick.open(dir, settings());
        assertThat(brick.getattr(USER, path("/l")).id()).isEqualTo(id(41));
        assertThat(brick.getattr(USER, path("/p")).id()).isEqualTo(id(42));
        brick.rename(USER, path("/l"), path("/l2"), 0);
        assertThat(brick.getattr(USER, path("/l2")).id()).isEqualTo(id(41));
        brick.unlink(USER, path("/l2"));
        brick.unlink(USER, path("/p"));
        try (var entries = Files.list(dir.resolve(".bramble/ids"))) {
            assertThat(entries.count()).as("gone with their files").isZero();
        }
    }
}
