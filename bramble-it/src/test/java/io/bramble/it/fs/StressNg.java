package io.bramble.it.fs;

import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * stress-ng's file-system stressors (Debian's {@code stress-ng}), one instance of each, all at
 * once for a few seconds in a folder, each checking what it did ({@code --verify}).
 *
 * <p>Left out: {@code fiemap} skips itself on FUSE; {@code readahead} spends its few seconds
 * writing its 1 GiB file.
 */
final class StressNg {
    static final List<String> STRESSORS = List.of("access", "aio", "chdir", "chmod", "chown",
            "copy-file", "dentry", "dir", "dirdeep", "dirmany", "fallocate", "fcntl",
            "filename", "flock", "fpunch", "fsize", "fstat", "getdent", "hdd", "iomix", "lease",
            "link", "lockf", "madvise", "mknod", "mmap", "msync", "open", "rename", "seek",
            "symlink", "sync-file", "touch", "utime", "xattr");
    /** How long each stressor runs; they run together. */
    static final Duration STRESSOR_TIME = Duration.ofSeconds(5);
    /**
     * Stopping and cleaning up take longer than the run: on a mount, on a machine with a load
     * of 13, the whole took 71 s.
     */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(200);

    private StressNg() {
    }

    /** Runs every stressor in {@code folder}; the output ends with the metrics. */
    static ExecResult run(Path folder) {
        List<String> command = new ArrayList<>(List.of("stress-ng", "--temp-path", folder
                .toString(), "--timeout", STRESSOR_TIME.toSeconds() + "s", "--metrics-brief",
                "--verify", "--hdd-bytes", "16M", "--iomix-bytes", "16M", "--seek-size",
                "16M"));
        for (String stressor : STRESSORS) {
            command.addAll(List.of("--" + stressor, "1"));
        }
        return Exec.run(RUN_TIMEOUT, command);
    }

    /** Exit 0 and no stressor reported a failure. */
    static boolean passed(ExecResult result) {
        return result.ok() && !result.output().contains(" fail: ");
    }
}
