package io.bramble.common.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Who this process runs as. */
public final class ProcessUser {
    private ProcessUser() {
    }

    /**
     * True when the effective user is root, as the kernel sees it; from the user name where
     * {@code /proc} cannot tell.
     */
    public static boolean isRoot() {
        try {
            return isRoot(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Reads the effective uid from the lines of a {@code /proc/PID/status} file. */
    static boolean isRoot(List<String> status) {
        // "Uid:" is followed by the real, effective, saved and file-system uids.
        return status.stream().filter(line -> line.startsWith("Uid:"))
                .map(line -> line.split("\\s+"))
                .anyMatch(fields -> fields.length > 2 && fields[2].equals("0"));
    }
}
