package io.bramble.fs.fuse;

import io.bramble.fs.ops.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The supplementary groups of the process behind a request, which the kernel does not send:
 * read from the {@code Groups:} line of {@code /proc/PID/status}. Only creates ask, since
 * only they hand the caller to the layers for ownership. Any failure (the process is gone,
 * lives in another pid namespace, or lists more than the bound) means no groups.
 */
final class CallerGroups {
    /** 65,536 groups of up to 10 digits and a space fit; nothing real comes near it. */
    static final int STATUS_BYTES_MAX = 1024 * 1024;

    private CallerGroups() {
    }

    /** {@code caller} with the groups its process has now. */
    static Caller of(Caller caller) {
        if (caller.pid() <= 0) {
            return caller;
        }
        int[] groups = read(Path.of("/proc", Integer.toString(caller.pid()), "status"));
        return new Caller(caller.uid(), caller.gid(), groups, caller.pid());
    }

    static int[] read(Path status) {
        try (InputStream in = Files.newInputStream(status)) {
            byte[] bytes = in.readNBytes(STATUS_BYTES_MAX + 1);
            if (bytes.length > STATUS_BYTES_MAX) {
                return new int[0];
            }
            return parse(new String(bytes, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return new int[0];
        }
    }

    /** The numbers of the {@code Groups:} line; none when it is missing or garbled. */
    static int[] parse(String status) {
        for (String line : status.split("\n")) {
            if (!line.startsWith("Groups:")) {
                continue;
            }
            String list = line.substring("Groups:".length()).strip();
            if (list.isEmpty()) {
                return new int[0];
            }
            try {
                int[] groups = Arrays.stream(list.split("\\s+"))
                        .mapToInt(Integer::parseUnsignedInt).toArray();
                return groups.length <= Caller.GROUPS_MAX ? groups : new int[0];
            } catch (NumberFormatException e) {
                return new int[0];
            }
        }
        return new int[0];
    }
}
