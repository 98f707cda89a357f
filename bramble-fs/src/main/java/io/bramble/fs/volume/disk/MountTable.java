package io.bramble.fs.volume.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mounts of {@code /proc/self/mounts} and which one holds a path. Pure. */
public final class MountTable {
    /** One line: what is mounted, where, its type and options (escapes such as \040 kept). */
    public record Mount(String device, String mountPoint, String type, String options) {}

    /** Lines read at most; a machine with more mounts is rare and the rest are ignored. */
    static final int MOUNTS_MAX = 4096;

    private MountTable() {
    }

    public static List<Mount> parse(String text) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 4 && mounts.size() < MOUNTS_MAX) {
                mounts.add(new Mount(f[0], unescape(f[1]), f[2], f[3]));
            }
        }
        return mounts;
    }

    /**
     * The mount holding {@code path} (absolute, symbolic links resolved): the longest mount
     * point it lies under, the last mounted when several share it (the one on top).
     */
    public static Optional<Mount> holding(List<Mount> mounts, String path) {
        Mount best = null;
        for (Mount m : mounts) {
            String point = m.mountPoint();
            boolean under = point.equals("/") || path.equals(point)
                    || path.startsWith(point + "/");
            if (under && (best == null || point.length() >= best.mountPoint().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The kernel writes space, tab, newline and backslash in octal ({@code \040}). */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder();
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
