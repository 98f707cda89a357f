package io.bramble.common.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** The open-file limit (RLIMIT_NOFILE) this process runs with. */
public final class OpenFileLimit {
    private OpenFileLimit() {
    }

    /** The soft limit, as {@code /proc/self/limits} gives it; empty where it cannot tell. */
    public static OptionalLong soft() {
        try {
            return soft(Files.readAllLines(Path.of("/proc/self/limits")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Reads the soft limit from the lines of a {@code /proc/PID/limits} file. */
    static OptionalLong soft(List<String> limits) {
        // "Max open files  SOFT  HARD  files"; "unlimited" is not a count.
        for (String line : limits) {
            if (line.startsWith("Max open files")) {
                String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                if (fields.length > 0 && fields[0].matches("[0-9]{1,18}")) {
                    return OptionalLong.of(Long.parseLong(fields[0]));
                }
            }
        }
        return OptionalLong.empty();
    }
}
