package io.bramble.fs.distribute;

import io.bramble.fs.ops.FileOps;

/**
 * One child of distribute: a replica set (or a lone brick) and the name layouts and pointers
 * call it by. Names must stay the same for the life of the volume, since they are written
 * into every directory's layout; {@code VOLUME-replicate-N} is the usual form.
 */
public record Subvolume(String name, FileOps ops) {
    /** Long enough for {@code VOLUME-replicate-N}, short enough to keep layouts small. */
    public static final int NAME_CHARS_MAX = 128;

    public Subvolume {
        checkName(name);
    }

    /** Names are written into xattrs one per line, so they hold no spaces or line breaks. */
    static void checkName(String name) {
        if (name.isEmpty() || name.length() > NAME_CHARS_MAX) {
            throw new IllegalArgumentException("subvolume name must have 1 to "
                    + NAME_CHARS_MAX + " characters: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                throw new IllegalArgumentException("subvolume name may hold letters, digits,"
                        + " '-', '_' and '.' only: '" + name + "'");
            }
        }
    }
}
