package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.fs.ops.MemoryFileOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mounting and unmounting: by close, by someone else, and refusing bad mount points. */
class MountLifecycleTest {
    @TempDir
    Path temp;

    @Test
    void closeUnmounts() throws Exception {
        try (MountedVolume volume = MountedVolume.mount(temp, FuseOptions.defaults())) {
            assertThat(MountedVolume.isMounted(volume.dir)).isTrue();
            assertThat(Commands.sh("grep ' " + volume.dir + " ' /proc/self/mounts"))
                    .startsWith("test:/vol " + volume.dir + " fuse.bramble ")
                    .contains("default_permissions").contains("allow_other");
            volume.mount.close();
            assertThat(MountedVolume.isMounted(volume.dir)).isFalse();
            assertThat(volume.mount.isMounted()).isFalse();
            assertThat(volume.mount.awaitUnmount(Duration.ofSeconds(1))).isTrue();
        }
    }

    @Test
    void aMountReadsAheadAWholeRequest() throws Exception {
        FuseOptions options = FuseOptions.defaults().withMaxWriteBytes(512 * 1024);
        try (MountedVolume volume = MountedVolume.mount(temp, options)) {
            long device = (Long) Files.getAttribute(volume.dir, "unix:dev");
            Path setting = Readahead.BDI.resolve(Readahead.deviceName(device))
                    .resolve("read_ahead_kb");
            assumeTrue(Files.isWritable(setting), setting + " is read-only here (a container?)");
            assertThat(Files.readString(setting).trim()).isEqualTo("512");
        }
    }

    @Test
    void devicesAreNamedAsSysfsNamesThem() {
        assertThat(Readahead.deviceName(42)).isEqualTo("0:42");
        assertThat(Readahead.deviceName(259L << 8 | 3)).isEqualTo("259:3");
        assertThat(Readahead.deviceName(300 & 0xff | (300L & ~0xff) << 12)).isEqualTo("0:300");
        assertThat(Readahead.deviceName((5000L & 0xfff) << 8 | (5000L & ~0xfff) << 32 | 7))
                .isEqualTo("5000:7");
    }

    @Test
    void closeWithAFileOpenDetachesLazily() throws Exception {
        try (MountedVolume volume = MountedVolume.mount(temp, FuseOptions.defaults())) {
            Path file = volume.dir.resolve("open");
            Files.writeString(file, "x");
            CompletableFuture<Void> closing;
            try (var in = Files.newInputStream(file)) {
                closing = CompletableFuture.runAsync(() -> {
                    try {
                        volume.mount.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Awaitility.await().atMost(Duration.ofSeconds(5))
                        .until(() -> !MountedVolume.isMounted(volume.dir));
                assertThat(in.readAllBytes()).as("still served").containsExactly('x');
            }
            closing.get(2, TimeUnit.SECONDS);
            assertThat(volume.mount.isMounted()).isFalse();
        }
    }

    @Test
    void anUnmountBySomeoneElseStopsTheServing() throws Exception {
        try (MountedVolume volume = MountedVolume.mount(temp, FuseOptions.defaults())) {
            Commands.sh("umount " + volume.dir);
            assertThat(volume.mount.awaitUnmount(Duration.ofSeconds(10))).isTrue();
            assertThat(volume.mount.isMounted()).isFalse();
            volume.mount.close();
        }
    }

    @Test
    void mountsThroughFusermountAsWell() throws Exception {
        assumeTrue(Commands.installed(FusermountMounter.PROGRAM), "fusermount3 is not "
                + "installed (Debian package fuse3)");
        try (MountedVolume volume = MountedVolume.mount(temp, FuseOptions.defaults(),
                new FusermountMounter(), RequestTap.NONE)) {
            assertThat(Commands.sh("grep ' " + volume.dir + " ' /proc/self/mounts"))
                    .startsWith("test:/vol " + volume.dir + " fuse.bramble ");
            Files.writeString(volume.dir.resolve("f"), "through fusermount3");
            assertThat(Commands.sh("cat " + volume.dir.resolve("f")))
                    .isEqualTo("through fusermount3");
            volume.mount.close();
            assertThat(MountedVolume.isMounted(volume.dir)).isFalse();
        }
    }

    @Test
    void aFailedFusermountSaysWhy() throws Exception {
        assumeTrue(Commands.installed(FusermountMounter.PROGRAM), "fusermount3 is not "
                + "installed (Debian package fuse3)");
        // fusermount3 mounts on files too, so the failure is a missing mount point.
        Path missing = temp.resolve("missing");
        assertThatThrownBy(() -> {
            int fd = new FusermountMounter().mount(missing, "h:/v", FuseOptions.defaults());
            Libc.close(fd); // never left mounted with nobody serving it
        }).hasMessageContaining("fusermount3 did not mount").hasMessageContaining("exit 1")
                .hasMessageContaining("missing");
    }

    @Test
    void refusesMountPointsThatAreNotDirectories() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        MemoryFileOps files = new MemoryFileOps();
        assertThatThrownBy(() -> FuseMount.mount(temp.resolve("missing"), "h:/v", files,
                FuseOptions.defaults())).hasMessage("mount point " + temp.resolve("missing")
                        + " does not exist");
        assertThatThrownBy(() -> FuseMount.mount(file, "h:/v", files, FuseOptions.defaults()))
                .hasMessage("mount point " + file + " is not a directory");
    }

    @Test
    void optionsAreCheckedWhenMade() {
        assertThatThrownBy(() -> FuseOptions.defaults().withThreads(0, 4))
                .hasMessageContaining("readerThreads must be between 1 and 16, got 0");
        assertThatThrownBy(() -> FuseOptions.defaults().withMaxWriteBytes(2 << 20))
                .hasMessageContaining("maxWriteBytes");
        assertThatThrownBy(() -> FuseOptions.defaults().withTimeouts(Duration.ofSeconds(-1),
                Duration.ZERO)).hasMessageContaining("attrTimeout");
        assertThatThrownBy(() -> MountOptions.fusermount("a,b", false))
                .hasMessageContaining("comma");
        assertThat(MountOptions.kernelData(5, 0, 0, true)).isEqualTo(
                "fd=5,rootmode=40000,user_id=0,group_id=0,default_permissions,allow_other");
        assertThat(MountOptions.fusermount("h:/v", false)).isEqualTo(
                "fsname=h:/v,subtype=bramble,default_permissions");
    }
}
