package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FsPath;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attributes through a real mount: modes, owners, times, xattrs, file-system figures. */
class MountedAttributesTest {
    @TempDir
    Path temp;
    private MountedVolume volume;
    private Path file;

    @BeforeEach
    void mount() throws Exception {
        volume = MountedVolume.mount(temp, FuseOptions.defaults());
        file = volume.dir.resolve("f");
        Files.writeString(file, "content");
    }

    @AfterEach
    void unmount() throws Exception {
        if (volume != null) {
            volume.close();
        }
    }

    @Test
    void changesModesAndOwners() throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(Commands.sh("stat -c %a " + file).strip()).isEqualTo("750");
        Commands.sh("chmod 4711 " + file);
        assertThat(Commands.sh("stat -c %a " + file).strip()).isEqualTo("4711");
        Commands.sh("chown 1000:1000 " + file);
        assertThat(Commands.sh("stat -c %u:%g " + file).strip()).isEqualTo("1000:1000");
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(1000);
        Commands.sh("chgrp 0 " + file);
        assertThat(Commands.sh("stat -c %u:%g " + file).strip()).isEqualTo("1000:0");
    }

    @Test
    void setsTimesGivenAndNow() throws Exception {
        Commands.sh("touch -d '2001-02-03 04:05:06.5 UTC' " + file);
        assertThat(Files.getLastModifiedTime(file).toInstant())
                .isEqualTo(Instant.parse("2001-02-03T04:05:06.5Z"));
        assertThat(Commands.sh("stat -c %X " + file).strip()).isEqualTo("981173106");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("1969-07-20T20:17:40Z")));
        assertThat(Files.getLastModifiedTime(file).toInstant())
                .isEqualTo(Instant.parse("1969-07-20T20:17:40Z"));
        Instant before = Instant.now().minusSeconds(2);
        Commands.sh("touch " + file);
        assertThat(Files.getLastModifiedTime(file).toInstant()).isAfter(before);
    }

    @Test
    void keepsUserXattrsAndHidesBramblesOwn() throws Exception {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file,
                UserDefinedFileAttributeView.class);
        view.write("color", StandardCharsets.UTF_8.encode("blue"));
        view.write("shape", StandardCharsets.UTF_8.encode("round"));
        ByteBuffer value = ByteBuffer.allocate(view.size("color"));
        view.read("color", value);
        assertThat(new String(value.array(), StandardCharsets.UTF_8)).isEqualTo("blue");
        volume.files.setxattr(Caller.ROOT, FsPath.parse("/f"), "user.bramble.version",
                new byte[]{1}, 0);
        assertThat(view.list()).containsExactlyInAnyOrder("color", "shape");
        assertThatThrownBy(() -> view.size("bramble.version"))
                .isInstanceOf(FileSystemException.class);
        assertThatThrownBy(() -> view.write("bramble.version", ByteBuffer.wrap(new byte[1])))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("not permitted");
        assertThatThrownBy(() -> view.delete("bramble.version"))
                .isInstanceOf(FileSystemException.class);
        view.delete("shape");
        assertThat(view.list()).containsExactly("color");
        if (Commands.installed("getfattr")) {
            assertThat(Commands.sh("getfattr -d " + file)).contains("user.color=\"blue\"")
                    .doesNotContain("bramble");
        }
    }

    @Test
    void reportsFileSystemFigures() throws Exception {
        // MemoryFileOps reports 1 TiB in 4 KiB blocks and a million inodes.
        assertThat(Commands.sh("df -B1 --output=size,itotal " + volume.dir)).contains(
                "1099511627776").contains("1000000");
        assertThat(Files.getFileStore(volume.dir).getTotalSpace()).isEqualTo(1L << 40);
        // coreutils names FUSE's magic number "fuseblk", whatever the mount's kind.
        assertThat(Commands.sh("stat -f -c %T:%l " + volume.dir).strip()).isEqualTo(
                "fuseblk:255");
    }
}
