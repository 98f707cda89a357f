package io.bramble.fs.volume.status;

/**
 * A file name on one line of a report, whatever it holds: {@code \} and line breaks are
 * written {@code \\} and {@code \n}.
 */
public final class LineEscape {
    private LineEscape() {
    }

    public static String escape(String path) {
        return path.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** @throws IllegalArgumentException for an escape {@link #escape} never writes */
    public static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == line.length()) {
                throw new IllegalArgumentException("a lone \\ at the end of " + line);
            }
            switch (line.charAt(i)) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                default -> throw new IllegalArgumentException("\\" + line.charAt(i));
            }
        }
        return out.toString();
    }
}
