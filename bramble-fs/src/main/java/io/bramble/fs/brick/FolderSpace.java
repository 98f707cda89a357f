package io.bramble.fs.brick;

import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.StatFs;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The space and inodes of the file system a folder is on, as {@code statvfs} reports them, for
 * a folder that is not an open brick ({@code volume status detail} of a brick whatever its
 * state); an open brick answers {@code statfs} and {@link LocalBrick#facts}.
 */
public final class FolderSpace {
    private FolderSpace() {
    }

    /** Empty when the folder cannot be opened. */
    public static Optional<StatFs> of(Path folder) {
        try {
            int fd = Libc.openat(Libc.AT_FDCWD, folder.toString(), Libc.O_PATH
                    | Libc.O_DIRECTORY, 0);
            try {
                return Optional.of(Libc.fstatvfs(fd).statFs());
            } finally {
                Libc.close(fd);
            }
        } catch (FsException e) {
            return Optional.empty();
        }
    }
}
