package io.bramble.cli.demo;

import io.bramble.common.os.MountTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's last resort for its mount: a mount client that ended without unmounting (killed,
 * or the demo stopped before it was done) leaves the directory mounted and dead. Detaches it
 * lazily, with {@code umount -l} as root or {@code fusermount3 -u -z} as another user.
 */
final class Unmount {
    private static final long COMMAND_TIMEOUT_MS = 10_000;

    private Unmount() {
    }

    static void ifMounted(Path dir, boolean root) {
        if (!isMounted(dir)) {
            return;
        }
        List<String> command = root
                ? List.of("umount", "-l", dir.toString())
                : List.of("fusermount3", "-u", "-z", dir.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            // Nothing more to try: the user sees the directory still mounted.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@code dir} is a mount point now. */
    static boolean isMounted(Path dir) {
        return MountTable.read().isMountPoint(dir.toAbsolutePath().normalize());
    }
}
