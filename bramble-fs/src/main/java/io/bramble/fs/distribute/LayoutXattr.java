package io.bramble.fs.distribute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code trusted.bramble.layout} xattr: a directory's whole layout, written on its copy in
 * every subvolume at mkdir, so any copy answers for the directory. It is text, readable with
 * {@code getfattr} on a brick:
 *
 * <pre>
 * bramble-layout 1
 * vol-replicate-1 00000000 7fffffff
 * vol-replicate-0 80000000 ffffffff
 * </pre>
 *
 * <p>One line per range in hash order: the owning subvolume's name, then the first and last
 * hash as 8 lowercase hex digits. Lines end with a newline. Version 1 is the only one.
 */
public final class LayoutXattr {
    public static final String NAME = "trusted.bramble.layout";
    /** The first line; a different version is refused, not guessed at. */
    static final String HEADER = "bramble-layout 1";
    /** Room for {@link Layout#RANGES_MAX} lines of long subvolume names. */
    public static final int VALUE_BYTES_MAX = 160 * Layout.RANGES_MAX;

    private LayoutXattr() {
    }

    public static byte[] encode(Layout layout) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (HashRange range : layout.ranges()) {
            text.append(range.subvolume()).append(' ').append(HashRange.hex(range.start()))
                    .append(' ').append(HashRange.hex(range.end())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Parses a value; fails with a message naming what is wrong. */
    public static Layout decode(byte[] value) {
        if (value.length > VALUE_BYTES_MAX) {
            throw new IllegalArgumentException("layout xattr of " + value.length
                    + " bytes is longer than " + VALUE_BYTES_MAX);
        }
        String text = new String(value, StandardCharsets.US_ASCII);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("layout xattr does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("layout xattr starts with '" + lines[0]
                    + "', not '" + HEADER + "'");
        }
        List<HashRange> ranges = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            ranges.add(range(lines[i], i + 1));
        }
        return new Layout(ranges);
    }

    private static HashRange range(String line, int lineNumber) {
        String[] words = line.split(" ", -1);
        if (words.length != 3 || !isHex8(words[1]) || !isHex8(words[2])) {
            throw new IllegalArgumentException("layout xattr line " + lineNumber
                    + " is not 'SUBVOLUME START END' with 8 hex digits: '" + line + "'");
        }
        return new HashRange(words[0], Integer.parseUnsignedInt(words[1], 16),
                Integer.parseUnsignedInt(words[2], 16));
    }

    private static boolean isHex8(String word) {
        if (word.length() != 8) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
