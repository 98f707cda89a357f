package io.bramble.fs.volume;

import java.util.Optional;
import java.util.Set;

/**
 * What a volume may be called: Gluster's rules and messages, so that names valid there are
 * valid here and the same mistakes get the same answers.
 */
public final class VolumeNames {
    /** Longest volume name, in characters. */
    public static final int NAME_CHARS_MAX = 103;

    /** Words the gluster grammar gives a meaning of their own where a volume name goes. */
    private static final Set<String> RESERVED = Set.of("volume", "type", "subvolumes",
            "option", "end-volume", "all", "volume_not_in_ring", "description", "force",
            "snap-max-hard-limit", "snap-max-soft-limit", "auto-delete",
            "activate-on-create");

    private VolumeNames() {
    }

    /** Why {@code name} cannot be a volume's name, in Gluster's words; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty() || name.startsWith("-")) {
            return Optional.of("a volume name must not be empty or start with '-'");
        }
        if (RESERVED.contains(name)) {
            return Optional.of("\"" + name + "\" cannot be the name of a volume.");
        }
        if (name.contains("/")) {
            return Optional.of("Volume name should not contain \"/\" character.");
        }
        if (name.length() > NAME_CHARS_MAX) {
            return Optional.of("Volume name exceeds " + NAME_CHARS_MAX + " characters.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-') {
                return Optional.of("Volume name should not contain \"" + c + "\" character.\n"
                        + "Volume names can only contain alphanumeric, '-' and '_'"
                        + " characters.");
            }
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
