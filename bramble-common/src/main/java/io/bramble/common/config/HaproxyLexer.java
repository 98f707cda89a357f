package io.bramble.common.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a haproxy-style file into {@link ConfigLine}s with HAProxy's quoting rules:
 * <ul>
 * <li>words are separated by unquoted blanks; an unquoted {@code #} starts a comment;
 * <li>a backslash escapes {@code \ }, {@code \#}, {@code \\}, {@code \'}, {@code \"} and
 * writes {@code \t}, {@code \n}, {@code \r}, {@code \xHH}; any other backslash stays as
 * written (so regex references like {@code \1} survive);
 * <li>single quotes keep everything literally, backslashes included;
 * <li>double quotes keep blanks, {@code '} and {@code #}, still apply escapes, and expand
 * {@code $NAME}, {@code ${NAME}} and {@code ${NAME-default}} from the injected environment
 * ({@code \$} is a plain dollar there); an unset variable expands to nothing, with a warning;
 * <li>quoted and unquoted parts next to each other form one word; {@code ""} is an empty word.
 * </ul>
 * A line with a lexing error (unterminated quote, bad escape, too long) is reported with its
 * file and line and left out; lexing goes on so that every error is found in one run.
 */
public final class HaproxyLexer {
    /** Longest line accepted; HAProxy's own limit is lower, this only bounds memory. */
    public static final int LINE_CHARS_MAX = 65_536;
    /** Most words on one line, as HAProxy's MAX_LINE_ARGS. */
    public static final int LINE_WORDS_MAX = 64;
    /** Largest file read by {@link #lex(Path)}. */
    public static final long FILE_BYTES_MAX = 16L * 1024 * 1024;

    private final Map<String, String> environment;
    private final Diagnostics diagnostics;

    /**
     * @param environment variables visible to {@code "${NAME}"}; pass {@code System.getenv()}
     *        in production and a fixed map in tests
     * @param diagnostics where lexing errors and warnings go
     */
    public HaproxyLexer(Map<String, String> environment, Diagnostics diagnostics) {
        this.environment = Map.copyOf(environment);
        this.diagnostics = diagnostics;
    }

    /** Reads and lexes a file; the file is named in messages as {@code path} is written. */
    public List<ConfigLine> lex(Path path) {
        return lex(path.toString(), read(path));
    }

    /**
     * The text of a file, at most {@link #FILE_BYTES_MAX} bytes, for callers that look at the
     * text too; a {@link io.bramble.common.error.UserError} naming the file when it cannot be
     * read.
     */
    public static String read(Path path) {
        return ConfigFiles.read(path, FILE_BYTES_MAX);
    }

    /** Lexes {@code text}, naming it {@code fileName} in locations. */
    public List<ConfigLine> lex(String fileName, String text) {
        List<ConfigLine> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].endsWith("\r")
                    ? raw[i].substring(0, raw[i].length() - 1)
                    : raw[i];
            Location where = new Location(fileName, i + 1);
            LineLexer lexer = new LineLexer(where, line);
            List<String> words = lexer.words();
            if (words != null && !words.isEmpty()) {
                lines.add(new ConfigLine(where, words));
            }
        }
        return lines;
    }

    /** Lexes one physical line; returns null (after reporting) when the line is wrong. */
    private final class LineLexer {
        private final Location where;
        private final String line;
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;
        private int pos;

        LineLexer(Location where, String line) {
            this.where = where;
            this.line = line;
        }

        List<String> words() {
            if (line.length() > LINE_CHARS_MAX) {
                return fail("line is " + line.length() + " characters long, the limit is "
                        + LINE_CHARS_MAX);
            }
            while (pos < line.length()) {
                char c = line.charAt(pos);
                if (c == ' ' || c == '\t') {
                    endWord();
                    pos++;
                } else if (c == '#') {
                    break;
                } else if (!step(c)) {
                    return null;
                }
            }
            endWord();
            if (words.size() > LINE_WORDS_MAX) {
                return fail("line has " + words.size() + " words, the limit is "
                        + LINE_WORDS_MAX);
            }
            return words;
        }

        private boolean step(char c) {
            inWord = true;
            if (c == '\'') {
                return singleQuoted();
            }
            if (c == '"') {
                return doubleQuoted();
            }
            if (c == '\\') {
                return escape(false);
            }
            word.append(c);
            pos++;
            return true;
        }

        private boolean singleQuoted() {
            int close = line.indexOf('\'', pos + 1);
            if (close < 0) {
                fail("unterminated single quote (') starting at column " + (pos + 1));
                return false;
            }
            word.append(line, pos + 1, close);
            pos = close + 1;
            return true;
        }

        private boolean doubleQuoted() {
            int open = pos++;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                if (c == '"') {
                    pos++;
                    return true;
                }
                boolean ok = c == '\\' ? escape(true) : c == '$' ? variable() : append(c);
                if (!ok) {
                    return false;
                }
            }
            fail("unterminated double quote (\") starting at column " + (open + 1));
            return false;
        }

        private boolean append(char c) {
            word.append(c);
            pos++;
            return true;
        }

        /** At a backslash: applies HAProxy's escapes; unknown ones stay as written. */
        private boolean escape(boolean inDoubleQuotes) {
            if (pos + 1 >= line.length()) {
                return append('\\');
            }
            char next = line.charAt(pos + 1);
            switch (next) {
                case ' ', '\\', '#', '\'', '"' -> word.append(next);
                case 't' -> word.append('\t');
                case 'n' -> word.append('\n');
                case 'r' -> word.append('\r');
                case 'x' -> {
                    return hexEscape();
                }
                case '$' -> word.append(inDoubleQuotes ? "$" : "\\$");
                default -> word.append('\\').append(next);
            }
            pos += 2;
            return true;
        }

        private boolean hexEscape() {
            if (pos + 3 >= line.length() || !isHex(line.charAt(pos + 2))
                    || !isHex(line.charAt(pos + 3))) {
                String found = line.substring(pos, Math.min(line.length(), pos + 4));
                fail("expected two hex digits after \\x, got '" + found + "'");
                return false;
            }
            word.append((char) Integer.parseInt(line.substring(pos + 2, pos + 4), 16));
            pos += 4;
            return true;
        }

        /** At a {@code $} inside double quotes: {@code $NAME}, {@code ${NAME[-default]}}. */
        private boolean variable() {
            int start = pos + 1;
            if (start < line.length() && line.charAt(start) == '{') {
                int close = line.indexOf('}', start);
                if (close < 0) {
                    fail("unterminated ${ starting at column " + (pos + 1)
                            + ": expected ${NAME}");
                    return false;
                }
                String inside = line.substring(start + 1, close);
                int dash = inside.indexOf('-');
                String name = dash < 0 ? inside : inside.substring(0, dash);
                if (!isVariableName(name)) {
                    fail("expected a variable name (letters, digits, _) in ${...}, got '"
                            + inside + "'");
                    return false;
                }
                expand(name, dash < 0 ? null : inside.substring(dash + 1));
                pos = close + 1;
                return true;
            }
            int end = start;
            while (end < line.length() && isNameChar(line.charAt(end), end == start)) {
                end++;
            }
            if (end == start) {
                return append('$');
            }
            expand(line.substring(start, end), null);
            pos = end;
            return true;
        }

        private void expand(String name, String fallback) {
            String value = environment.get(name);
            if (value == null && fallback != null) {
                value = fallback;
            }
            if (value == null) {
                diagnostics.warning(where, keywordForMessages(),
                        "environment variable " + name + " is not set; it expands to nothing");
                value = "";
            }
            word.append(value);
        }

        private void endWord() {
            if (inWord) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
        }

        private List<String> fail(String message) {
            diagnostics.error(where, keywordForMessages(), message);
            return null;
        }

        /** The line's first word for messages, even when lexing stopped inside it. */
        private String keywordForMessages() {
            if (!words.isEmpty()) {
                return words.getFirst();
            }
            String trimmed = line.strip();
            int blank = trimmed.indexOf(' ');
            return blank < 0 ? trimmed : trimmed.substring(0, blank);
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static boolean isNameChar(char c, boolean first) {
        boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        return letter || !first && c >= '0' && c <= '9';
    }

    private static boolean isVariableName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i), i == 0)) {
                return false;
            }
        }
        return true;
    }
}
