package io.bramble.common.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits keepalived-style text into words and braces. As in keepalived, {@code #} or
 * {@code !} outside double quotes ends the line wherever it stands, also inside a word
 * ({@code ab#cd} reads as {@code ab}), and a line for another configuration id
 * ({@link ConditionalLine}) gives no tokens. A line with an unterminated quote is reported
 * and contributes no tokens, so the tree built from the rest stays sane.
 */
final class BlockTokenizer {
    private final String fileName;
    private final Diagnostics diagnostics;
    private final String configId;

    BlockTokenizer(String fileName, Diagnostics diagnostics, String configId) {
        this.fileName = fileName;
        this.diagnostics = diagnostics;
        this.configId = configId;
    }

    List<BlockToken> tokens(String text) {
        List<BlockToken> tokens = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() > HaproxyLexer.LINE_CHARS_MAX) {
                diagnostics.error(new Location(fileName, i + 1), firstWord(line),
                        "line is " + line.length() + " characters long, the limit is "
                                + HaproxyLexer.LINE_CHARS_MAX);
                continue;
            }
            String kept = ConditionalLine.keptText(line, configId);
            if (kept == null) {
                continue;
            }
            List<BlockToken> lineTokens = line(kept, i + 1);
            if (lineTokens != null) {
                tokens.addAll(lineTokens);
            }
        }
        return tokens;
    }

    private List<BlockToken> line(String line, int number) {
        List<BlockToken> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int pos = 0;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (Character.isWhitespace(c) || c == '{' || c == '}') {
                if (inWord) {
                    out.add(word(word, number));
                    inWord = false;
                }
                if (c == '{' || c == '}') {
                    BlockToken.Kind kind = c == '{'
                            ? BlockToken.Kind.OPEN
                            : BlockToken.Kind.CLOSE;
                    out.add(new BlockToken(kind, String.valueOf(c), number));
                }
                pos++;
            } else if (c == '#' || c == '!') {
                break;
            } else if (c == '"') {
                pos = quoted(line, pos, word, number);
                if (pos < 0) {
                    return null;
                }
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
                pos++;
            }
        }
        if (inWord) {
            out.add(word(word, number));
        }
        return out;
    }

    /** Appends a quoted string's content; returns the position after it, or -1 on error. */
    private int quoted(String line, int open, StringBuilder word, int number) {
        int pos = open + 1;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '"') {
                return pos + 1;
            }
            if (c == '\\' && pos + 1 < line.length()
                    && (line.charAt(pos + 1) == '"' || line.charAt(pos + 1) == '\\')) {
                pos++;
                c = line.charAt(pos);
            }
            word.append(c);
            pos++;
        }
        diagnostics.error(new Location(fileName, number), firstWord(line),
                "unterminated double quote (\") starting at column " + (open + 1));
        return -1;
    }

    private static BlockToken word(StringBuilder word, int number) {
        BlockToken token = new BlockToken(BlockToken.Kind.WORD, word.toString(), number);
        word.setLength(0);
        return token;
    }

    private static String firstWord(String line) {
        String trimmed = line.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))
                && end < 64) {
            end++;
        }
        return trimmed.substring(0, end);
    }
}
