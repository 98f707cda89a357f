package io.bramble.fs.ops;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A path inside a volume, from its root: {@code /} or {@code /a/b}. Every name is 1 to 255
 * bytes of UTF-8 without {@code /} or NUL, and is not {@code .} or {@code ..}; the path holds
 * at most {@link #DEPTH_MAX} names. Paths are the same on every brick that holds the file.
 */
public record FsPath(List<String> names) {
    public static final int NAME_BYTES_MAX = 255;
    /** Deep enough for real trees (PATH_MAX is 4096 bytes), small enough to bound a request. */
    public static final int DEPTH_MAX = 512;

    public static final FsPath ROOT = new FsPath(List.of());

    public FsPath {
        names = List.copyOf(names);
        if (names.size() > DEPTH_MAX) {
            throw new IllegalArgumentException("path deeper than " + DEPTH_MAX + " names");
        }
        for (String name : names) {
            checkName(name);
        }
    }

    /** Parses {@code /a/b} (a leading slash is required; repeated slashes are refused). */
    public static FsPath parse(String text) {
        if (text.equals("/")) {
            return ROOT;
        }
        if (!text.startsWith("/") || text.endsWith("/")) {
            throw new IllegalArgumentException("not an absolute volume path: '" + text + "'");
        }
        return new FsPath(List.of(text.substring(1).split("/", -1)));
    }

    /** Whether {@code name} is a valid single name; {@link #child} throws when it is not. */
    public static boolean isValidName(String name) {
        try {
            checkName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0
                || name.getBytes(StandardCharsets.UTF_8).length > NAME_BYTES_MAX) {
            throw new IllegalArgumentException("bad file name '" + name + "'");
        }
    }

    public boolean isRoot() { return names.isEmpty(); }

    public FsPath child(String name) {
        String[] longer = names.toArray(new String[names.size() + 1]);
        longer[names.size()] = name;
        return new FsPath(List.of(longer));
    }

    /** The parent; the root's parent is the root. */
    public FsPath parent() {
        return isRoot() ? this : new FsPath(names.subList(0, names.size() - 1));
    }

    /** The last name; empty for the root. */
    public String name() {
        return isRoot() ? "" : names.getLast();
    }

    /** Whether this path is {@code other} or lies below it. */
    public boolean startsWith(FsPath other) {
        return names.size() >= other.names.size()
                && names.subList(0, other.names.size()).equals(other.names);
    }

    @Override
    public String toString() {
        return isRoot() ? "/" : "/" + String.join("/", names);
    }
}
