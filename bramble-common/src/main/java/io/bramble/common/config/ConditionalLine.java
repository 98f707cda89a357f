package io.bramble.common.config;

/**
 * keepalived's conditional lines: a line whose first word is {@code @NAME} applies only when
 * NAME is the configuration id, one whose first word is {@code @^NAME} only when it is not.
 * The id is keepalived's {@code -i}/{@code --config-id}, by default the host name up to its
 * first dot, so one file can serve several nodes ({@code @lb1 priority 150}). A bare
 * {@code @} names no id and never applies; a bare {@code @^} always does.
 */
final class ConditionalLine {
    private ConditionalLine() {
    }

    /**
     * The text of {@code line} to read for {@code configId}: the line itself when it has no
     * condition, the rest after the condition when it applies, null when it does not.
     */
    static String keptText(String line, String configId) {
        int start = 0;
        while (start < line.length() && (line.charAt(start) == ' '
                || line.charAt(start) == '\t')) {
            start++;
        }
        if (start == line.length() || line.charAt(start) != '@') {
            return line;
        }
        boolean negated = start + 1 < line.length() && line.charAt(start + 1) == '^';
        int nameStart = start + (negated ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < line.length() && !Character.isWhitespace(line.charAt(nameEnd))
                && line.charAt(nameEnd) != '#' && line.charAt(nameEnd) != '!') {
            nameEnd++;
        }
        String name = line.substring(nameStart, nameEnd);
        boolean matches = !name.isEmpty() && name.equals(configId);
        return matches != negated ? line.substring(nameEnd) : null;
    }
}
