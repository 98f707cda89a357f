package io.bramble.lb.format;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Picks one comma-separated element out of a header's lines, as HAProxy's {@code hdr()}
 * fetches count them: every line of the header in order, each split at the commas outside
 * double-quoted strings (where a backslash escapes the next character), each element without
 * its surrounding blanks; empty elements count.
 */
final class HeaderElements {
    /** The lowest occurrence, as in HAProxy: it remembers the last 10 elements only. */
    static final int OCCURRENCE_MIN = -10;

    private HeaderElements() {
    }

    /**
     * The element at {@code occurrence}: 1 is the first, -1 the last, 0 the last too; null
     * when there is none.
     */
    static String pick(List<String> lines, long occurrence) {
        if (occurrence > 0) {
            long seen = 0;
            for (String line : lines) {
                int start = 0;
                while (start <= line.length()) {
                    int end = elementEnd(line, start);
                    if (++seen == occurrence) {
                        return trimmed(line, start, end);
                    }
                    start = end + 1;
                }
            }
            return null;
        }
        int wanted = occurrence == 0 ? 1 : (int) -occurrence;
        ArrayDeque<String> last = new ArrayDeque<>(wanted);
        for (String line : lines) {
            int start = 0;
            while (start <= line.length()) {
                int end = elementEnd(line, start);
                if (last.size() == wanted) {
                    last.removeFirst();
                }
                last.addLast(trimmed(line, start, end));
                start = end + 1;
            }
        }
        return last.size() == wanted ? last.peekFirst() : null;
    }

    /** The index of the comma ending the element that starts at {@code start}, or the end. */
    private static int elementEnd(String line, int start) {
        boolean quoted = false;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return line.length();
    }

    /** The element between {@code start} and {@code end} without its spaces and tabs. */
    private static String trimmed(String line, int start, int end) {
        int from = start;
        int to = end;
        while (from < to && isBlank(line.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(line.charAt(to - 1))) {
            to--;
        }
        return line.substring(from, to);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
