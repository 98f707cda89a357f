package io.bramble.fs.volume.text;

import io.bramble.fs.heal.SplitBrainResolution;

/**
 * The answers of {@code volume heal NAME split-brain ...} in Gluster's words: a line per file
 * ({@code Healed /f.} or why not), and after a whole brick's files the count healed. A
 * command that failed ends with Gluster's {@code Volume heal failed.}
 */
public final class SplitBrainHealText {
    /** The last line of a failed heal command. */
    public static final String VOLUME_HEAL_FAILED = "Volume heal failed.";
    /** Gluster's line for a FILE that is not a path from the volume's root. */
    public static final String NOT_ABSOLUTE = "<FILE> must be absolute path w.r.t. the volume,"
            + " starting with '/'";

    private SplitBrainHealText() {
    }

    /**
     * The line for {@code file}, as the user typed it.
     *
     * @param rule the rule's word ({@code bigger-file}, {@code latest-mtime},
     *     {@code source-brick}): Gluster answers {@code bigger-file} on a folder in words of
     *     its own
     */
    public static String line(String file, SplitBrainResolution resolution, String rule) {
        return switch (resolution.result()) {
            case HEALED -> "Healed " + file + ".";
            case NOT_FOUND -> "Lookup failed on " + file + ":No such file or directory.";
            case FOLDER -> rule.equals("bigger-file")
                    ? "'bigger-file' not a valid option for directories."
                    : "Healing " + file + " failed: " + resolution.why() + ".";
            case NOT_IN_SPLIT_BRAIN, REFUSED, COPIES_AWAY, FAILED -> "Healing " + file + " failed: "
                    + resolution.why() + ".";
        };
    }

    /** After the lines of a whole brick's files: Gluster's status and count. */
    public static String fromBrickEnd(long healed) {
        return "Status: Connected\nNumber of healed entries: " + healed + "\n\n";
    }

    /** A whole brick's files could not be examined: its member or a copy did not answer. */
    public static String fromBrickUnreachable() {
        return "Status: Transport endpoint is not connected\nNumber of healed entries: -\n\n";
    }

    /** Gluster's line for a brick that is not one of the volume's. */
    public static String noSuchBrick(String brick) {
        return "\"" + brick + "\"- No such brick available in the volume.";
    }
}
