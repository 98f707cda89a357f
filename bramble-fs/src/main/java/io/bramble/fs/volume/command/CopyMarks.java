package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import java.util.List;
import java.util.Optional;

/**
 * The other bricks of a brick's replica or disperse set, marked ({@link BlameCopy}) as holding everything
 * the brick's place in the set lacks, before that place gets an empty folder: the heal
 * workers of the marked copies then make every file there, and no client reads it meanwhile.
 *
 * @param marked how many copies were marked
 * @param missed the copies not marked and why, {@code HOST:PATH: reason; ...}; empty if none
 */
record CopyMarks(int marked, String missed) {
    /**
     * Marks the place of brick {@code index} of {@code volume} on each other copy of its set
     * that is up; with none marked, the place has no copy to be made from
     * ({@link #noneWhy}).
     */
    static CopyMarks markOthers(VolumeContext ctx, VolumeSpec volume, int index) {
        int copy = index % volume.healSetSize();
        int first = index - copy;
        Brick brick = volume.bricks().get(index);
        int marked = 0;
        StringBuilder missed = new StringBuilder();
        for (Brick other : volume.bricks().subList(first, first + volume.healSetSize())) {
            if (other.equals(brick)) {
                continue;
            }
            Optional<String> failure = BrickMembers.ask(ctx, other, List.of("volume",
                    BlameCopy.VERB, other.host(), other.path(), String.valueOf(copy)));
            if (failure.isEmpty()) {
                marked++;
            } else {
                missed.append(missed.isEmpty() ? "" : "; ").append(other.shown()).append(": ")
                        .append(failure.get());
            }
        }
        return new CopyMarks(marked, missed.toString());
    }

    /** Why nothing was marked for {@code brick}, when {@link #marked} is 0. */
    String noneWhy(Brick brick) {
        return "no other brick of " + brick.shown() + "'s set could be marked to heal it from"
                + " (" + missed + ")";
    }
}
