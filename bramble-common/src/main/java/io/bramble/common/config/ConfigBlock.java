package io.bramble.common.config;

import io.bramble.common.check.Checks;
import java.util.List;

/**
 * One statement of a keepalived-style file: its words and, when it opened a {@code { }}
 * block, the statements inside.
 *
 * @param where the file and line of the first word
 * @param words the words of the statement, never empty
 * @param children the statements inside its braces; empty when it had none
 * @param hasBlock whether the statement was followed by braces (possibly empty ones)
 */
public record ConfigBlock(Location where, List<String> words, List<ConfigBlock> children,
        boolean hasBlock) {
    public ConfigBlock {
        Checks.argument(where != null, "where is required");
        words = List.copyOf(words);
        children = List.copyOf(children);
        Checks.argument(!words.isEmpty(), "a statement has at least one word");
        Checks.argument(hasBlock || children.isEmpty(), "children need a block");
    }

    public ConfigBlock(Location where, List<String> words, List<ConfigBlock> children) {
        this(where, words, children, !children.isEmpty());
    }

    /** The first word. */
    public String keyword() {
        return words.getFirst();
    }

    /** The statement without its children, for {@link KeywordTable#dispatch}. */
    public ConfigLine line() {
        return new ConfigLine(where, words);
    }
}
