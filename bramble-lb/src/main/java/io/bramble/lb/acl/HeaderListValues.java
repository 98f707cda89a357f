package io.bramble.lb.acl;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of a header line that holds a comma-separated list, as HAProxy's {@code hdr()}
 * reads them: split at each comma outside a quoted string (a {@code "..."} in which
 * {@code \} quotes the next character), each value without the blanks around it.
 */
final class HeaderListValues {
    private HeaderListValues() {
    }

    static List<String> of(String line) {
        List<String> values = new ArrayList<>();
        boolean quoted = false;
        boolean escaped = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (quoted) {
                if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                values.add(line.substring(start, i).strip());
                start = i + 1;
            }
        }
        values.add(line.substring(start).strip());
        return values;
    }
}
