package io.bramble.fs.volume.create;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the words after {@code volume add-brick} as Gluster's CLI does, with its messages:
 * {@code NAME [replica N [arbiter 1]] [stripe N] HOST:PATH... [force]}. The counts are only
 * read here; whether they fit the volume is {@link AddBrickCounts}'s question.
 */
public final class AddBrickLine {
    public static final String USAGE = "Usage: volume add-brick <VOLNAME> [<stripe|replica>"
            + " <COUNT> [arbiter <COUNT>]] <NEW-BRICK> ... [force]";

    /** What reading a line gives: a request, or why there is none. */
    public sealed interface Result permits AddBrickRequest, Refused {
    }

    /** The line is not a request; the usage line should follow the message. */
    public record Refused(String message) implements Result {}

    private AddBrickLine() {
    }

    /** Reads {@code words}, the command line after {@code volume add-brick}. */
    public static Result read(List<String> words) {
        if (words.size() < 2) {
            return new Refused("a volume name and at least one brick are needed");
        }
        int at = 1;
        int replicaCount = 0;
        int stripeCount = 0;
        boolean arbiter = false;
        while (at < words.size()) {
            String word = words.get(at).toLowerCase(Locale.ROOT);
            if (word.equals("replica") && replicaCount == 0) {
                replicaCount = count(words, at + 1);
                if (replicaCount < 1) {
                    return new Refused("replica count should be greater than 0");
                }
                at += 2;
                if (at < words.size() && words.get(at).equalsIgnoreCase("arbiter")) {
                    if (count(words, at + 1) != 1) {
                        return new Refused("arbiter count must be 1");
                    }
                    arbiter = true;
                    at += 2;
                }
            } else if (word.equals("stripe") && stripeCount == 0) {
                stripeCount = count(words, at + 1);
                if (stripeCount < 1) {
                    return new Refused("stripe count should be greater than 0");
                }
                at += 2;
            } else {
                break;
            }
        }
        List<String> rest = new ArrayList<>(words.subList(Math.min(at, words.size()),
                words.size()));
        boolean force = !rest.isEmpty() && rest.getLast().equals("force");
        if (force) {
            rest.removeLast();
        }
        if (rest.isEmpty()) {
            return new Refused("No bricks specified");
        }
        try {
            return new AddBrickRequest(words.getFirst(), replicaCount, arbiter, stripeCount,
                    CreateLine.readBricks(rest), force);
        } catch (IllegalArgumentException e) {
            return new Refused(e.getMessage());
        }
    }

    /** The number at {@code index}; 0 when missing or not a number, as Gluster reads it. */
    private static int count(List<String> words, int index) {
        if (index >= words.size()) {
            return 0;
        }
        try {
            return Integer.parseInt(words.get(index));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
