package io.bramble.fs.heal;

/**
 * What {@link SetHealer#resolve} made of a file a user asked to take out of split-brain.
 *
 * @param why the reason when it was not healed, in Gluster's words where Gluster has them
 *     (without the final period); empty when healed
 */
public record SplitBrainResolution(Result result, String why) {
    /** The outcomes the command tells apart. */
    public enum Result {
        /** Healed from the chosen copy; its marks are cleared on every copy. */
        HEALED,
        /** A copy is fresh (or nothing is marked): self-heal settles it, not a rule. */
        NOT_IN_SPLIT_BRAIN,
        /** The rule chose no copy, or the copies are not one file that every copy holds. */
        REFUSED,
        /** A copy of the set did not answer: it may be the one the rule would choose. */
        COPIES_AWAY,
        /** No copy of the set holds the path. */
        NOT_FOUND,
        /** The path is a folder: its split-brain is not settled by a rule. */
        FOLDER,
        /** A copy failed while it was healed, or the file kept changing. */
        FAILED
    }

    static SplitBrainResolution of(Result result, String why) {
        return new SplitBrainResolution(result, why);
    }
}
