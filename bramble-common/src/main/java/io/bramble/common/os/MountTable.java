package io.bramble.common.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The mounts of this process's namespace, parsed from {@code /proc/self/mountinfo}
 * (proc(5)): which mount holds a path, and whether a folder is a mount point.
 */
public final class MountTable {
    static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    /** Lines kept at most; a machine with more mounts is rare and the rest are ignored. */
    static final int MOUNTS_MAX = 8192;
    /** Bounds the read of the table. */
    private static final int BYTES_MAX = 8 * 1024 * 1024;

    private final List<Mount> mounts;

    MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    /** This process's mounts now; an empty table when /proc cannot be read. */
    public static MountTable read() {
        try (InputStream in = Files.newInputStream(MOUNTINFO)) {
            return parse(List.of(new String(in.readNBytes(BYTES_MAX), StandardCharsets.UTF_8)
                    .split("\n")));
        } catch (IOException e) {
            return new MountTable(List.of());
        }
    }

    /** Parses mountinfo lines; lines that do not parse are skipped. */
    public static MountTable parse(List<String> lines) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            if (mounts.size() < MOUNTS_MAX) {
                parseLine(line).ifPresent(mounts::add);
            }
        }
        return new MountTable(mounts);
    }

    /** The mounts in the kernel's order (the later mounted last). */
    public List<Mount> mounts() {
        return mounts;
    }

    /** Whether some file system is mounted on {@code dir} (absolute, as mounted). */
    public boolean isMountPoint(Path dir) {
        String point = dir.toString();
        return mounts.stream().anyMatch(m -> m.mountPoint().equals(point));
    }

    /**
     * The mount that holds {@code path} on device {@code major:minor}: of the mounts of that
     * device, the one with the longest mount point above the path.
     */
    public Optional<Mount> holding(int major, int minor, Path path) {
        return deepest(path, m -> m.deviceMajor() == major && m.deviceMinor() == minor);
    }

    /**
     * The mount holding {@code path} (absolute, symbolic links resolved): the longest mount
     * point it lies under, the last mounted when several share it (the one on top).
     */
    public Optional<Mount> holding(Path path) {
        return deepest(path, m -> true);
    }

    private Optional<Mount> deepest(Path path, Predicate<Mount> among) {
        Mount best = null;
        for (Mount mount : mounts) {
            if (among.test(mount) && path.startsWith(mount.mountPoint()) && (best == null
                    || mount.mountPoint().length() >= best.mountPoint().length())) {
                best = mount;
            }
        }
        return Optional.ofNullable(best);
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

    /** mountinfo writes space, tab, newline and backslash as three-digit octal escapes. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
