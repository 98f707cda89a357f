package io.bramble.fs.volume.text;

import java.util.Locale;

/** Sizes as Gluster prints them: {@code 9.9GB}, one decimal, binary units, or bytes. */
final class HumanSize {
    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;
    private static final long TB = GB * 1024;

    private HumanSize() {
    }

    static String of(long bytes) {
        if (bytes >= TB) {
            return one(bytes, TB, "TB");
        }
        if (bytes >= GB) {
            return one(bytes, GB, "GB");
        }
        if (bytes >= MB) {
            return one(bytes, MB, "MB");
        }
        if (bytes >= KB) {
            return one(bytes, KB, "KB");
        }
        return bytes + "Bytes";
    }

    private static String one(long bytes, long unit, String name) {
        return String.format(Locale.ROOT, "%.1f%s", (double) bytes / unit, name);
    }
}
