package io.bramble.fs.volume.create;

import io.bramble.fs.volume.VolumeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The size and redundancy of a disperse set from what a {@code volume create} line gave, by
 * Gluster's rules and with its questions: {@code disperse N} alone takes the redundancy Gluster
 * calls optimal (the largest that leaves a power of two of data bricks, at most half of them
 * less one), {@code disperse-data D} alone takes every brick, and a redundancy of half the set
 * or more is refused. A question is only asked: the line means the same once answered yes.
 */
public final class DisperseCounts {
    /** A count the line did not give. */
    public static final int NOT_GIVEN = -1;

    private DisperseCounts() {
    }

    /** What reading the counts gives: the counts, or why there are none. */
    public sealed interface Outcome permits Counts, Refused {
    }

    /**
     * The counts of a line.
     *
     * @param disperseCount bricks in each disperse set
     * @param redundancyCount bricks of each set that may be lost
     * @param questions Gluster's questions for this line, in its order, without {@code (y/n)}
     */
    public record Counts(int disperseCount, int redundancyCount, List<String> questions)
            implements
                Outcome {
        public Counts {
            questions = List.copyOf(questions);
        }
    }

    /** Why the counts are refused, as Gluster says it. */
    public record Refused(String message) implements Outcome {}

    /**
     * Reads the counts.
     *
     * @param disperse the count after {@code disperse}, 0 for {@code disperse} without one
     * @param brickCount the bricks of the line
     */
    public static Outcome of(int disperse, int redundancy, int data, int brickCount) {
        List<String> questions = new ArrayList<>();
        if (data > 0) {
            if (disperse > 0 && redundancy > 0) {
                if (disperse != data + redundancy) {
                    return new Refused("Disperse count(" + disperse + ") should be equal to sum"
                            + " of disperse-data count(" + data + ") and redundancy count("
                            + redundancy + ")");
                }
            } else if (redundancy > 0) {
                disperse = data + redundancy;
            } else if (disperse > 0) {
                redundancy = disperse - data;
            } else if (brickCount - data >= data) {
                return new Refused("Please provide redundancy count along with disperse-data"
                        + " count");
            } else {
                questions.add("Redundancy for this configuration is " + (brickCount - data)
                        + ". Do you want to create the volume with this value ?");
                redundancy = brickCount - data;
                disperse = brickCount;
            }
        }
        if (disperse <= 0) {
            if (brickCount < 3) {
                return new Refused("number of bricks must be greater than 2");
            }
            disperse = brickCount;
        }
        boolean chosen = redundancy == NOT_GIVEN;
        if (chosen) {
            Optional<Integer> optimal = optimalRedundancy(disperse);
            redundancy = optimal.orElse(1);
            if (optimal.isEmpty()) {
                questions.add("There isn't an optimal redundancy value for this configuration."
                        + " Do you want to create the volume with redundancy 1 ?");
            } else if (redundancy > 1) {
                questions.add("The optimal redundancy for this configuration is " + redundancy
                        + ". Do you want to create the volume with this value ?");
            }
        }
        if (redundancy < 1) {
            return new Refused("redundancy must be greater than 0");
        }
        if (redundancy > (disperse - 1) / 2) {
            return new Refused("redundancy must be less than " + (disperse + 1) / 2 + " for a"
                    + " disperse " + disperse + " volume");
        }
        int dataCount = disperse - redundancy;
        if (dataCount > VolumeSpec.DATA_COUNT_MAX) {
            return new Refused("a disperse set has at most " + VolumeSpec.DATA_COUNT_MAX
                    + " data bricks"
                    + " (disperse " + disperse + " redundancy " + redundancy + " has " + dataCount
                    + "): raise the redundancy, or make several sets (a brick count that is a"
                    + " multiple of the disperse count)");
        }
        if (!chosen && Integer.bitCount(dataCount) != 1) {
            questions.add("This configuration is not optimal on most workloads. Do you want to"
                    + " use it ?");
        }
        return new Counts(disperse, redundancy, questions);
    }

    /**
     * Gluster's optimal redundancy for a set of {@code disperse}: the data bricks the largest
     * power of two below the set, when that leaves a redundancy below half the set; none
     * otherwise (Gluster then offers 1).
     */
    static Optional<Integer> optimalRedundancy(int disperse) {
        int data = Integer.highestOneBit(disperse - 1);
        int redundancy = disperse - data;
        return redundancy >= 1 && redundancy <= (disperse - 1) / 2
                ? Optional.of(redundancy)
                : Optional.empty();
    }
}
