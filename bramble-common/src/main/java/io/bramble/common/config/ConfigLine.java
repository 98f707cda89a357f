package io.bramble.common.config;

import io.bramble.common.check.Checks;
import java.util.List;

/**
 * One logical line of a haproxy-style file after quotes, escapes and comments are resolved.
 *
 * @param where the file and line it came from
 * @param words its words, never empty
 */
public record ConfigLine(Location where, List<String> words) {
    public ConfigLine {
        Checks.argument(where != null, "where is required");
        words = List.copyOf(words);
        Checks.argument(!words.isEmpty(), "a config line has at least one word");
    }

    /** The first word. */
    public String keyword() {
        return words.getFirst();
    }
}
