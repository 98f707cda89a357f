package io.bramble.common.config;

/**
 * A token of a keepalived-style file.
 *
 * @param kind a word or a brace
 * @param text the word with quotes resolved; the brace itself for braces
 * @param line 1-based line it stands on
 */
record BlockToken(Kind kind, String text, int line) {
    enum Kind {
        WORD, OPEN, CLOSE
    }
}
