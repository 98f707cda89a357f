package io.bramble.cluster.heartbeat;

import io.bramble.common.config.ConfigLine;
import io.bramble.common.config.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of ha.cf and haresources as Heartbeat reads them: words split on blanks, {@code #}
 * starts a comment, a {@code \} at the end of a line joins the next one to it, blank lines are
 * skipped. Each line keeps the number of the line it started on.
 */
final class HeartbeatLines {
    /** Heartbeat's files are a few lines; a longer one is not one of them. */
    static final int LINES_MAX = 10_000;

    private HeartbeatLines() {
    }

    static List<ConfigLine> read(String file, String text) {
        List<ConfigLine> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        if (raw.length > LINES_MAX) {
            throw new HeartbeatException(file, LINES_MAX, "more than " + LINES_MAX
                    + " lines: this is not one of Heartbeat's files");
        }
        StringBuilder joined = new StringBuilder();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (joined.isEmpty()) {
                start = i + 1;
            }
            String trimmed = line.stripTrailing();
            if (trimmed.endsWith("\\")) {
                joined.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            joined.append(line);
            add(lines, file, start, joined.toString());
            joined.setLength(0);
        }
        add(lines, file, start, joined.toString());
        return lines;
    }

    private static void add(List<ConfigLine> lines, String file, int line, String text) {
        String trimmed = text.strip();
        if (!trimmed.isEmpty()) {
            lines.add(new ConfigLine(new Location(file, line), List.of(trimmed.split("\\s+"))));
        }
    }
}
