package io.bramble.cli.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a directory is a mount point now, from /proc/self/mounts. */
final class MountTable {
    private MountTable() {
    }

    static boolean isMounted(Path dir) {
        try {
            String target = dir.toString().replace(" ", "\\040");
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] fields = line.split(" ");
                if (fields.length > 2 && fields[1].equals(target)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
