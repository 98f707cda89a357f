package io.bramble.fs.heal;

/** What a heal of one file or folder came to. */
public enum HealOutcome {
    /** The copies that missed changes have them now, and their marks are cleared. */
    HEALED,
    /** No copy blames another: nothing to do. */
    CLEAN,
    /** Another copy is the one its node heals from (the lowest fresh copy of the set). */
    NOT_MINE,
    /** An application changed the file each time it was copied: it stays marked for later. */
    BUSY,
    /** A copy it needs is away: it stays marked until that copy is back. */
    WAITING,
    /** Every copy is blamed by another: split-brain, left for the user or a policy. */
    SPLIT_BRAIN,
    /** No copy holds the file any more. */
    GONE
}
