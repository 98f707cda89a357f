package io.bramble.fs.heal;

/**
 * What a {@link SourceRule} made of a file in split-brain: the copy to heal the others from,
 * or why there is none.
 *
 * @param copy the chosen copy's index in the set; -1 when none was chosen
 * @param refusal why none was chosen, in Gluster's words where Gluster has them (without the
 *     final period); empty when a copy was chosen
 */
public record SourcePick(int copy, String refusal) {
    public static SourcePick of(int copy) {
        return new SourcePick(copy, "");
    }

    public static SourcePick refused(String why) {
        return new SourcePick(-1, why);
    }

    public boolean chosen() {
        return copy >= 0;
    }
}
