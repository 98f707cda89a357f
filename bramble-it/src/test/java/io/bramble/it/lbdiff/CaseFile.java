package io.bramble.it.lbdiff;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a catalogue file. A case starts with {@code === NAME}; the {@code #} lines after it
 * describe it; {@code @} lines set how it is sent; every other line is content. Content lines
 * are joined without their line ends, so every byte sent is written as an escape or a
 * character: {@code \r}, {@code \n}, {@code \t}, {@code \0}, {@code \\} and {@code \xNN}
 * (a trailing space is best written {@code \x20}). Lines before the first case and blank
 * lines are ignored.
 *
 * <pre>
 * === connection-content-length
 * # Content-Length named in Connection: a proxy that drops it must not send the body.
 * &#64;requests 1
 * POST /public HTTP/1.1\r\n
 * Content-Length: 3\r\n\r\nabc
 * </pre>
 *
 * Directives: {@code @requests N} (how many requests the client means; 1 by default),
 * {@code @writes BYTES PAUSE_MS} (send in writes of that size), {@code @half-close} (shut
 * the sending side down after the last byte), {@code @repeat N TEXT} (content: TEXT, escapes
 * decoded, N times).
 */
final class CaseFile {
    /** Largest {@code @repeat} count: the biggest case stays well under a megabyte. */
    static final int REPEAT_MAX = 100_000;

    private final String file;
    private final List<RequestCase> cases = new ArrayList<>();
    private String name;
    private String where;
    private final StringBuilder description = new StringBuilder();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int requests;
    private int writeBytes;
    private long pauseMs;
    private boolean halfClose;

    private CaseFile(String file) {
        this.file = file;
    }

    /** The cases of {@code text}, read from {@code file}; errors name the file and line. */
    static List<RequestCase> parse(String file, String text) {
        CaseFile reader = new CaseFile(file);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                reader.line(lines[i], file + ":" + (i + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(),
                        e);
            }
        }
        reader.finish();
        return reader.cases;
    }

    private void line(String line, String location) {
        if (line.startsWith("=== ")) {
            finish();
            name = line.substring(4).strip();
            if (!name.matches("[a-z0-9][a-z0-9.-]*")) {
                throw new IllegalArgumentException("case name '" + name
                        + "' is not lower-case letters, digits, dots and dashes");
            }
            where = location;
            requests = 1;
            writeBytes = 0;
            pauseMs = 0;
            halfClose = false;
        } else if (name == null || line.isBlank()) {
            return;
        } else if (line.startsWith("#")) {
            description.append(description.isEmpty() ? "" : " ")
                    .append(line.substring(1).strip());
        } else if (line.startsWith("@")) {
            directive(line.substring(1).split(" ", 3));
        } else {
            bytes.writeBytes(decode(line));
        }
    }

    private void directive(String[] words) {
        switch (words[0]) {
            case "requests" -> requests = number(words, 1, 0, 100);
            case "writes" -> {
                writeBytes = number(words, 1, 1, 1 << 20);
                pauseMs = number(words, 2, 0, 1_000);
            }
            case "half-close" -> halfClose = true;
            case "repeat" -> {
                int count = number(words, 1, 1, REPEAT_MAX);
                if (words.length < 3) {
                    throw new IllegalArgumentException("@repeat N TEXT needs a TEXT");
                }
                byte[] unit = decode(words[2]);
                for (int i = 0; i < count; i++) {
                    bytes.writeBytes(unit);
                }
            }
            default -> throw new IllegalArgumentException("unknown directive @" + words[0]
                    + "; expected @requests, @writes, @half-close or @repeat");
        }
    }

    private static int number(String[] words, int index, int min, int max) {
        if (words.length <= index || !words[index].matches("[0-9]{1,9}")
                || Integer.parseInt(words[index]) < min || Integer.parseInt(words[index]) > max) {
            throw new IllegalArgumentException("@" + words[0] + " needs a number from " + min
                    + " to " + max + " as argument " + index);
        }
        return Integer.parseInt(words[index]);
    }

    private void finish() {
        if (name == null) {
            return;
        }
        if (bytes.size() == 0) {
            throw new IllegalArgumentException(where + ": case " + name + " sends nothing");
        }
        cases.add(new RequestCase(name, description.toString(), where, bytes.toByteArray(),
                requests, writeBytes, Duration.ofMillis(pauseMs), halfClose));
        name = null;
        description.setLength(0);
        bytes.reset();
    }

    /** The bytes a content line stands for. */
    static byte[] decode(String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                if (c > 0xff) {
                    throw new IllegalArgumentException("character U+" + Integer.toHexString(c)
                            + " is not a byte: write its UTF-8 bytes as \\xNN escapes");
                }
                out.write(c);
                continue;
            }
            if (++i == line.length()) {
                throw new IllegalArgumentException("a line ends with a lone backslash");
            }
            switch (line.charAt(i)) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case 'x' -> {
                    String hex = i + 2 < line.length() ? line.substring(i + 1, i + 3) : "";
                    if (!hex.matches("[0-9a-fA-F]{2}")) {
                        throw new IllegalArgumentException("\\x needs two hex digits");
                    }
                    out.write(Integer.parseInt(hex, 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\"
                        + line.charAt(i) + "; known: \\r \\n \\t \\0 \\\\ \\xNN");
            }
        }
        return out.toByteArray();
    }
}
