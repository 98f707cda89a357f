package io.bramble.fs.fuse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.common.os.MountTable;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.MemoryFileOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link MemoryFileOps} mounted on a fresh directory for one test, and taken down after
 * it whatever happened: close, then {@code umount -l} should the mount still be there.
 */
final class MountedVolume implements AutoCloseable {
    final Path dir;
    final FileOps files;
    final FuseMount mount;

    private MountedVolume(Path dir, FileOps files, FuseMount mount) {
        this.dir = dir;
        this.files = files;
        this.mount = mount;
    }

    /** Skips the calling test, saying why, where a real mount cannot be made. */
    static void assumeMountable() {
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "no /dev/fuse here: FUSE mount "
                + "tests need the fuse module (modprobe fuse) or a container with the device");
        assumeTrue(Libc.geteuid() == 0, "FUSE mount tests run as root (CI does); this "
                + "process runs as uid " + Libc.geteuid());
    }

    static MountedVolume mount(Path parent, FuseOptions options) throws IOException {
        return mount(parent, options, RequestTap.NONE);
    }

    static MountedVolume mount(Path parent, FuseOptions options, RequestTap tap)
            throws IOException {
        return mount(parent, options, Mounter.forThisProcess(), tap);
    }

    static MountedVolume mount(Path parent, FuseOptions options, Mounter mounter,
            RequestTap tap) throws IOException {
        assumeMountable();
        Path dir = Files.createDirectories(parent.resolve("mnt"));
        FileOps files = new MemoryFileOps(() -> System.currentTimeMillis() * 1_000_000L);
        FuseMount mount = FuseMount.mount(dir, "test:/vol", files, options, mounter, tap);
        return new MountedVolume(dir, files, mount);
    }

    static boolean isMounted(Path dir) {
        return MountTable.read().isMountPoint(dir);
    }

    @Override
    public void close() throws IOException {
        try {
            mount.close();
        } finally {
            try {
                if (isMounted(dir)) {
                    Commands.run("umount", "-l", dir.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            files.close();
        }
    }
}
