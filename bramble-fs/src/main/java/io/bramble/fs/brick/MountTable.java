package io.bramble.fs.brick;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mounts of this process's namespace, parsed from {@code /proc/self/mountinfo}
 * (proc(5)), to tell which device and file system hold a brick.
 */
final class MountTable {
    static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private final List<Mount> mounts;

    MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    static MountTable read() throws IOException {
        return parse(Files.readAllLines(MOUNTINFO));
    }

    /** Parses mountinfo lines; lines that do not parse are skipped. */
    static MountTable parse(List<String> lines) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            parseLine(line).ifPresent(mounts::add);
        }
        return new MountTable(mounts);
    }

    private static Optional<Mount> parseLine(String line) {
        String[] fields = line.trim().split(" ");
        int separator = List.of(fields).indexOf("-");
        if (fields.length < 10 || separator < 6 || separator + 3 >= fields.length) {
            return Optional.empty();
        }
        String[] device = fields[2].split(":");
        try {
            return Optional.of(new Mount(Integer.parseInt(device[0]), Integer.parseInt(
                    device[1]), unescape(fields[3]), unescape(fields[4]), fields[5],
                    fields[separator + 1], unescape(fields[separator + 2]),
                    fields[separator + 3]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * The mount that holds {@code path} on device {@code major:minor}: of the mounts of that
     * device, the one with the longest mount point above the path.
     */
    Optional<Mount> holding(int major, int minor, Path path) {
        Mount best = null;
        for (Mount mount : mounts) {
            if (mount.deviceMajor() == major && mount.deviceMinor() == minor
                    && path.startsWith(mount.mountPoint()) && (best == null || mount
                            .mountPoint().length() > best.mountPoint().length())) {
                best = mount;
            }
        }
        return Optional.ofNullable(best);
    }

    /** mountinfo writes space, tab, newline and backslash as three-digit octal escapes. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 4 <= field.length() && field.substring(i + 1, i + 4)
                    .matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
