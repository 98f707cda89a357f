package io.bramble.fs.volume.create;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the words after {@code volume remove-brick} as Gluster's CLI does:
 * {@code NAME [replica N] BRICK... start|stop|status|commit|force}, and finds the volume's
 * subvolumes the bricks make up, with Gluster's messages where they do not make up whole ones.
 */
public final class RemoveBrickLine {
    public static final String USAGE = "Usage: volume remove-brick <VOLNAME> [replica <COUNT>]"
            + " <BRICK> ... <start|stop|status|commit|force>";

    /** What the line asks of the bricks. */
    public enum Action {
        START, STOP, STATUS, COMMIT, FORCE
    }

    /**
     * One line read.
     *
     * @param replicaCount the {@code replica N} typed, 0 when none
     * @param bricks the bricks as typed ({@code HOST:PATH})
     */
    public record Request(String name, int replicaCount, List<String> bricks, Action action) {
        public Request {
            bricks = List.copyOf(bricks);
        }
    }

    private RemoveBrickLine() {
    }

    /** Reads {@code words}; empty when they are not such a line (the usage is then shown). */
    public static Optional<Request> read(List<String> words) {
        if (words.size() < 3) {
            return Optional.empty();
        }
        Action action;
        try {
            action = Action.valueOf(words.getLast().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int first = 1;
        int replicaCount = 0;
        if (words.get(1).equalsIgnoreCase("replica")) {
            if (words.size() < 5) {
                return Optional.empty();
            }
            try {
                replicaCount = Integer.parseInt(words.get(2));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (replicaCount < 1) {
                return Optional.empty();
            }
            first = 3;
        }
        List<String> bricks = words.subList(first, words.size() - 1);
        if (bricks.isEmpty() || bricks.size() > VolumeSpec.BRICKS_MAX) {
            return Optional.empty();
        }
        return Optional.of(new Request(words.getFirst(), replicaCount, bricks, action));
    }

    /**
     * The positions of the subvolumes of {@code volume} that {@code bricks} make up, in
     * order; or why they do not make up whole subvolumes, leaving at least one.
     */
    public static Choice subvolumes(VolumeSpec volume, List<String> bricks) {
        Set<String> seen = new HashSet<>();
        Set<Integer> touched = new HashSet<>();
        int setSize = volume.setSize();
        for (String shown : bricks) {
            if (!seen.add(shown)) {
                return new Choice.Refused("Found duplicate entry for brick " + shown);
            }
            int index = indexOf(volume.bricks(), shown);
            if (index < 0) {
                return new Choice.Refused("Incorrect brick " + shown + " for volume "
                        + volume.name());
            }
            touched.add(index / setSize);
        }
        if (setSize > 1 && bricks.size() % setSize != 0) {
            return new Choice.Refused("Remove brick incorrect brick count of " + bricks.size()
                    + " for " + (volume.dispersed() ? "disperse " : "replica ") + setSize);
        }
        if (touched.size() * setSize != bricks.size()) {
            return new Choice.Refused(volume.dispersed()
                    ? "Bricks not from same subvol for disperse"
                    : "Bricks not from same subvol for replica");
        }
        if (touched.size() == volume.distributeCount()) {
            return new Choice.Refused("Removing every brick of volume " + volume.name()
                    + " is not allowed: it would hold no file; run `volume stop "
                    + volume.name() + "` and `volume delete " + volume.name() + "` instead");
        }
        List<Integer> positions = new ArrayList<>(touched);
        positions.sort(null);
        return new Choice.Subvolumes(positions);
    }

    private static int indexOf(List<Brick> bricks, String shown) {
        for (int i = 0; i < bricks.size(); i++) {
            if (bricks.get(i).shown().equals(shown)) {
                return i;
            }
        }
        return -1;
    }

    /** Which subvolumes a line's bricks make up. */
    public sealed interface Choice {
        /** Whole subvolumes, by position. */
        record Subvolumes(List<Integer> positions) implements Choice {
            public Subvolumes {
                positions = List.copyOf(positions);
            }
        }

        /** Not whole subvolumes, or all of them; {@code message} says which. */
        record Refused(String message) implements Choice {}
    }
}
