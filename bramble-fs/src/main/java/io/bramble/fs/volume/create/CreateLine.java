package io.bramble.fs.volume.create;

import io.bramble.fs.volume.VolumeCodec;
import io.bramble.fs.volume.VolumeNames;
import io.bramble.fs.volume.VolumeSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the words after {@code volume create} as Gluster's CLI does, with its messages:
 * {@code NAME [stripe N] [replica N [arbiter 1]] [disperse [N]] [disperse-data D]
 * [redundancy M] [transport tcp] HOST:PATH... [force]}. {@code stripe}, which Gluster 6
 * removed, is read as Gluster 3 read it (before or after {@code replica}); the disperse
 * counts are settled by {@link DisperseCounts}. RDMA is Gluster's too but not bramble's: it
 * is refused by name.
 */
public final class CreateLine {
    public static final String USAGE = "Usage: volume create <NEW-VOLNAME> [stripe <COUNT>]"
            + " [replica <COUNT> [arbiter <COUNT>]] [disperse [<COUNT>]] [disperse-data <COUNT>]"
            + " [redundancy <COUNT>] [transport <tcp>] <NEW-BRICK>... [force]";
    /** Copies a replica set keeps; more would cost writes without adding safety here. */
    public static final int REPLICA_COUNT_MAX = 3;

    /** What reading a line gives: a request, or why there is none. */
    public sealed interface Result permits CreateRequest, Refused {
    }

    /**
     * The line is not a request.
     *
     * @param showUsage whether the usage line should follow (a grammar mistake, not a
     *     feature bramble lacks)
     */
    public record Refused(String message, boolean showUsage) implements Result {}

    private CreateLine() {
    }

    /** Reads {@code words}, the command line after {@code volume create}. */
    public static Result read(List<String> words) {
        try {
            return new Reader(words).request();
        } catch (Refusal r) {
            return new Refused(r.getMessage(), r.showUsage);
        }
    }

    /**
     * One brick as another command types it ({@code replace-brick}), read as {@code create}
     * reads its bricks.
     *
     * @throws IllegalArgumentException with Gluster's message when it is not a brick
     */
    public static BrickAddress readBrick(String word) {
        try {
            return brick(word);
        } catch (Refusal r) {
            throw new IllegalArgumentException(r.getMessage());
        }
    }

    /**
     * The bricks another command lists ({@code add-brick}), read as {@code create} reads its
     * bricks: none twice, at most {@link VolumeSpec#BRICKS_MAX}.
     *
     * @throws IllegalArgumentException with Gluster's message when one is not a brick
     */
    static List<BrickAddress> readBricks(List<String> words) {
        try {
            return bricks(words);
        } catch (Refusal r) {
            throw new IllegalArgumentException(r.getMessage());
        }
    }

    /** Stops reading: control flow inside this class only. */
    private static final class Refusal extends RuntimeException {
        final boolean showUsage;

        Refusal(String message, boolean showUsage) {
            super(message, null, false, false);
            this.showUsage = showUsage;
        }
    }

    private static Refusal usage(String message) {
        return new Refusal(message, true);
    }

    private static Refusal unsupported(String message) {
        return new Refusal(message, false);
    }

    /** One pass over the words, left to right. */
    private static final class Reader {
        private final List<String> words;
        private int at;
        private int replicaCount = 1;
        private int stripeCount = 1;
        private boolean disperse;
        private int disperseCount = DisperseCounts.NOT_GIVEN;
        private int dataCount = DisperseCounts.NOT_GIVEN;
        private int redundancyCount = DisperseCounts.NOT_GIVEN;
        private boolean arbiter;
        private String transport;

        Reader(List<String> words) {
            this.words = words;
        }

        CreateRequest request() {
            if (words.isEmpty()) {
                throw usage("a volume name is needed");
            }
            String name = words.getFirst();
            VolumeNames.problem(name).ifPresent(p -> {
                throw usage(p);
            });
            at = 1;
            boolean keywords = true;
            while (keywords && at < words.size()) {
                keywords = keyword();
            }
            List<String> rest = new ArrayList<>(words.subList(at, words.size()));
            boolean force = !rest.isEmpty() && rest.getLast().equals("force");
            if (force) {
                rest.removeLast();
            }
            List<BrickAddress> bricks = bricks(rest);
            if (disperse) {
                return disperseRequest(name, bricks, force);
            }
            if (bricks.size() % (replicaCount * stripeCount) != 0) {
                throw usage(stripeCount == 1
                        ? "number of bricks is not a multiple of replica count"
                        : replicaCount == 1
                                ? "number of bricks is not a multiple of stripe count"
                                : "number of bricks given doesn't match required count");
            }
            if (arbiter && stripeCount > 1) {
                throw unsupported("arbiter is not supported with stripe by bramble: stripe"
                        + " over replica sets of 2 or 3 copies");
            }
            return new CreateRequest(name, stripeCount, replicaCount, arbiter, 0, 0,
                    transportOrTcp(), bricks, force, List.of());
        }

        private String transportOrTcp() {
            return transport == null ? VolumeSpec.TRANSPORT_TCP : transport;
        }

        private CreateRequest disperseRequest(String name, List<BrickAddress> bricks,
                boolean force) {
            DisperseCounts.Counts counts = switch (DisperseCounts.of(disperseCount,
                    redundancyCount, dataCount, bricks.size())) {
                case DisperseCounts.Counts c -> c;
                case DisperseCounts.Refused r -> throw usage(r.message());
            };
            if (bricks.size() % counts.disperseCount() != 0) {
                throw usage("number of bricks is not a multiple of disperse count");
            }
            return new CreateRequest(name, 1, 1, false, counts.disperseCount(),
                    counts.redundancyCount(), transportOrTcp(), bricks, force, counts.questions());
        }

        /** Reads the keyword at {@link #at} and its value; false when it is no keyword. */
        private boolean keyword() {
            String word = words.get(at).toLowerCase(Locale.ROOT);
            switch (word) {
                case "replica" -> replica();
                case "transport" -> transport();
                case "stripe" -> stripe();
                case "disperse" -> disperse();
                case "disperse-data" -> dataCount = disperseNumber(dataCount, 2,
                        "disperse-data must be greater than 1");
                case "redundancy" -> redundancyCount = disperseNumber(redundancyCount, 1,
                        "redundancy must be greater than 0");
                case "thin-arbiter" -> throw unsupported("thin-arbiter is not supported by"
                        + " bramble; replica 2 in a pool with a witness does its work (the pool"
                        + " records the stale copy)");
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void replica() {
            notDispersed("replicated-dispersed");
            if (replicaCount > 1) {
                throw usage("replica option given twice");
            }
            int count = number(at + 1);
            if (count < 2) {
                throw usage("replica count should be greater than 1");
            }
            if (count > REPLICA_COUNT_MAX) {
                throw usage("replica count should be at most " + REPLICA_COUNT_MAX);
            }
            replicaCount = count;
            at += 2;
            if (at < words.size() && words.get(at).equalsIgnoreCase("arbiter")) {
                int arbiters = number(at + 1);
                // "replica 2 arbiter 1" is Gluster's newer spelling of "replica 3 arbiter 1".
                if (arbiters != 1 || (count != 3 && count != 2)) {
                    throw usage("For arbiter configuration, replica count must be 3 and"
                            + " arbiter count must be 1. The 3rd brick of the replica will be"
                            + " the arbiter");
                }
                replicaCount = 3;
                arbiter = true;
                at += 2;
            }
        }

        private void stripe() {
            notDispersed("striped-dispersed");
            if (stripeCount > 1) {
                throw usage("stripe option given twice");
            }
            int count = number(at + 1);
            if (count < 2) {
                throw usage("stripe count should be greater than 1");
            }
            stripeCount = count;
            at += 2;
        }

        /** Gluster makes no disperse sets of replica sets or stripes, nor the other way. */
        private void notDispersed(String kind) {
            if (disperse) {
                throw usage(kind + " volume is not supported");
            }
        }

        private void dispersed() {
            if (replicaCount > 1) {
                throw usage("replicated-dispersed volume is not supported");
            }
            if (stripeCount > 1) {
                throw usage("striped-dispersed volume is not supported");
            }
            disperse = true;
        }

        /** {@code disperse [N]}: without a number, every brick is one set. */
        private void disperse() {
            dispersed();
            if (disperseCount != DisperseCounts.NOT_GIVEN) {
                throw usage("disperse option given twice");
            }
            if (at + 1 >= words.size()) {
                throw usage("a count or a brick is needed after 'disperse'");
            }
            try {
                disperseCount = Integer.parseInt(words.get(at + 1));
            } catch (NumberFormatException e) {
                disperseCount = 0;
                at += 1;
                return;
            }
            if (disperseCount < 3) {
                throw usage("disperse count must be greater than 2");
            }
            at += 2;
        }

        /** {@code disperse-data D} or {@code redundancy M}: a number of at least {@code min}. */
        private int disperseNumber(int before, int min, String tooSmall) {
            dispersed();
            String keyword = words.get(at).toLowerCase(Locale.ROOT);
            if (before != DisperseCounts.NOT_GIVEN) {
                throw usage(keyword + " option given twice");
            }
            if (number(at + 1) < min) {
                throw usage(tooSmall);
            }
            int count = number(at + 1);
            at += 2;
            return count;
        }

        private void transport() {
            if (transport != null) {
                throw usage("'transport' option given more than one time");
            }
            if (at + 1 >= words.size()) {
                throw usage("a transport is needed after 'transport'");
            }
            String value = words.get(at + 1).toLowerCase(Locale.ROOT);
            switch (value) {
                case "tcp" -> transport = VolumeSpec.TRANSPORT_TCP;
                case "rdma", "tcp,rdma", "rdma,tcp" -> throw unsupported("transport rdma is"
                        + " not supported by bramble: it serves bricks over tcp only");
                default -> throw usage("incorrect transport protocol specified");
            }
            at += 2;
        }

        /** The number at {@code index}; 0 when missing or not a number, as Gluster reads it. */
        private int number(int index) {
            if (index >= words.size()) {
                throw usage("a count is needed after '" + words.get(index - 1) + "'");
            }
            try {
                return Integer.parseInt(words.get(index));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    private static List<BrickAddress> bricks(List<String> typed) {
        if (typed.isEmpty()) {
            throw usage("No bricks specified");
        }
        if (typed.size() > VolumeSpec.BRICKS_MAX) {
            throw usage("a volume has at most " + VolumeSpec.BRICKS_MAX + " bricks");
        }
        List<BrickAddress> bricks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String word : typed) {
            BrickAddress brick = brick(word);
            if (!seen.add(brick.shown())) {
                throw usage("Found duplicate exports " + brick.shown());
            }
            bricks.add(brick);
        }
        return bricks;
    }

    /**
     * One brick word. Spaces around it are dropped: a {@code \ } left inside a one-line
     * command (seed 003) makes bash pass a brick with a leading space.
     */
    static BrickAddress brick(String word) {
        String trimmed = word.strip();
        int colon = trimmed.indexOf(":/");
        if (colon <= 0) {
            throw wrongType(word);
        }
        String host = trimmed.substring(0, colon);
        if (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1")
                || host.startsWith("0.")) {
            throw usage("Please provide a valid hostname/ip other than localhost, 127.0.0.1 or"
                    + " loopback address (0.0.0.0 to 0.255.255.255).");
        }
        String path = canonical(trimmed.substring(colon + 1)).orElseThrow(() -> wrongType(word));
        if (host.getBytes(StandardCharsets.UTF_8).length > VolumeCodec.HOST_BYTES_MAX
                || path.getBytes(StandardCharsets.UTF_8).length > VolumeCodec.PATH_BYTES_MAX) {
            throw usage("brick " + trimmed + " is too long: a host is at most "
                    + VolumeCodec.HOST_BYTES_MAX + " bytes, a path at most "
                    + VolumeCodec.PATH_BYTES_MAX);
        }
        return new BrickAddress(host, path);
    }

    private static Refusal wrongType(String word) {
        return usage("Wrong brick type: " + word + ", use <HOSTNAME>:<export-dir-abs-path>");
    }

    /**
     * {@code path} with repeated and trailing slashes dropped; empty when it has {@code .} or
     * {@code ..} parts or control characters, which would let two spellings name one folder.
     */
    static Optional<String> canonical(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals(".") || part.equals("..") || part.chars().anyMatch(c -> c < 0x20)) {
                return Optional.empty();
            }
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return Optional.of("/" + String.join("/", parts));
    }
}
