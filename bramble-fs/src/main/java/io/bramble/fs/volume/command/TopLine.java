package io.bramble.fs.volume.command;

import io.bramble.fs.brick.profile.TopKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the words after {@code volume top NAME} as Gluster's CLI reads them, with its
 * messages for values out of range; what bramble does not take (nfs, the perf views without a
 * measurement) is named as such.
 */
final class TopLine {
    static final String USAGE = "volume top <VOLNAME> {open|read|write|opendir|readdir|clear}"
            + " [nfs|brick <brick>] [list-cnt <value>] |\nvolume top <VOLNAME>"
            + " {read-perf|write-perf} [bs <size> count <count>] [brick <brick>]"
            + " [list-cnt <value>]";
    /** Gluster's default and most files per brick. */
    static final int LIST_COUNT_MAX = 100;
    /** Gluster's bound on {@code bs * count}. */
    static final long PERF_BYTES_MAX = 10L * 1024 * 1024 * 1024;

    private TopLine() {
    }

    /** Reads {@code words}, those after {@code volume top NAME}. */
    static TopRequest read(List<String> words) {
        Replies.usage(!words.isEmpty(), USAGE);
        String op = words.getFirst();
        boolean clear = op.equals("clear");
        boolean perf = op.equals("read-perf") || op.equals("write-perf");
        Optional<TopKind> kind = Arrays.stream(TopKind.values()).filter(k -> k.word().equals(
                op)).findFirst();
        Replies.usage(perf || clear || kind.isPresent(), USAGE);
        Optional<String> brick = Optional.empty();
        int listCount = LIST_COUNT_MAX;
        int blockBytes = 0;
        int blocks = 0;
        int i = 1;
        if (i < words.size() && words.get(i).equals("nfs")) {
            throw VolumeFailure.failed("volume top: bramble has no NFS server (volumes are"
                    + " reached through 'bramble mount'); ask the bricks without 'nfs'");
        }
        for (; i < words.size(); i += 2) {
            Replies.usage(i + 1 < words.size(), USAGE);
            String value = words.get(i + 1);
            switch (words.get(i)) {
                case "brick" -> brick = Optional.of(brick(value));
                case "list-cnt" -> {
                    Replies.usage(!clear, USAGE);
                    listCount = listCount(value);
                }
                case "bs" -> blockBytes = positive(perf, value, "block size");
                case "count" -> blocks = positive(perf, value, "count");
                default -> throw VolumeFailure.usage("Usage: " + USAGE);
            }
        }
        return new TopRequest(kind, op.equals("read-perf"), clear, brick, listCount, blockBytes,
                checkPerf(perf, blockBytes, blocks));
    }

    private static int checkPerf(boolean perf, int blockBytes, int blocks) {
        if ((blockBytes > 0) != (blocks > 0)) {
            throw VolumeFailure.usage("Need to give both 'bs' and 'count'");
        }
        if ((long) blockBytes * blocks > PERF_BYTES_MAX) {
            throw VolumeFailure.usage("'bs * count' value " + (long) blockBytes * blocks
                    + " is greater than maximum allowed value of 10GB");
        }
        if (perf && blockBytes == 0) {
            throw VolumeFailure.failed("volume top: bramble does not keep each file's"
                    + " throughput; give 'bs SIZE count N' to measure each brick's disk"
                    + " (seed 003: bs 1024 count 1024)");
        }
        return blocks;
    }

    /** HOST:PATH with the path's trailing slashes dropped, as Gluster canonicalizes it. */
    private static String brick(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon + 1 >= value.length() || value.charAt(colon + 1) != '/') {
            throw VolumeFailure.usage("wrong brick type: " + value
                    + ", use <HOSTNAME>:<export-dir-abs-path>");
        }
        String path = value.substring(colon + 1).replaceAll("/+$", "");
        return value.substring(0, colon + 1) + (path.isEmpty() ? "/" : path);
    }

    private static int listCount(String value) {
        int count = integer(value).orElse(-1);
        if (count < 0 || count > LIST_COUNT_MAX) {
            throw VolumeFailure.usage("list-cnt should be between 0 to 100");
        }
        return count;
    }

    private static int positive(boolean perf, String value, String what) {
        Replies.usage(perf, USAGE);
        Optional<Integer> n = integer(value);
        if (n.isPresent() && n.get() < 0) {
            throw VolumeFailure.usage(what + " is an invalid number");
        }
        if (n.isEmpty() || n.get() == 0) {
            throw VolumeFailure.usage(what + " should be an integer greater than zero");
        }
        return n.get();
    }

    private static Optional<Integer> integer(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
