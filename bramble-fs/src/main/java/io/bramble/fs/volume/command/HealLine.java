package io.bramble.fs.volume.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the words after {@code volume heal NAME} as Gluster 10's CLI reads them. A word of
 * Gluster's heal grammar that bramble does not take yet is named as such; anything else gets
 * the usage (exit 2).
 */
final class HealLine {
    static final String USAGE = "volume heal <VOLNAME> [full | info [summary | split-brain]"
            + " | statistics heal-count | split-brain {bigger-file <FILE> | latest-mtime <FILE>"
            + " | source-brick <HOSTNAME:BRICKNAME> [<FILE>]}]";
    /** Gluster's heal words that bramble does not take (yet). */
    private static final Set<String> NOT_YET = Set.of("enable", "disable",
            "granular-entry-heal", "statistics", "info healed", "info heal-failed");

    private HealLine() {
    }

    /** Reads {@code words}, those after {@code volume heal NAME}. */
    static HealRequest read(List<String> words) {
        String line = String.join(" ", words);
        return switch (line) {
            case "" -> new HealRequest.Start(false);
            case "full" -> new HealRequest.Start(true);
            case "info" -> new HealRequest.Info();
            case "info summary" -> new HealRequest.Summary();
            case "info split-brain" -> new HealRequest.SplitBrainInfo();
            case "statistics heal-count" -> new HealRequest.HealCount();
            default -> words.getFirst().equals("split-brain")
                    ? splitBrain(words.subList(1, words.size()))
                    : refused(line, words);
        };
    }

    private static HealRequest splitBrain(List<String> words) {
        String how = words.isEmpty() ? "" : words.getFirst();
        int rest = words.size() - 1;
        return switch (how) {
            case "bigger-file" -> new HealRequest.BiggerFile(only(words, rest == 1));
            case "latest-mtime" -> new HealRequest.LatestMtime(only(words, rest == 1));
            case "source-brick" -> {
                Replies.usage((rest == 1 || rest == 2) && brickShaped(words.get(1)), USAGE);
                yield new HealRequest.SourceBrick(words.get(1), rest == 2
                        ? Optional.of(words.get(2))
                        : Optional.empty());
            }
            default -> throw VolumeFailure.usage("Usage: " + USAGE);
        };
    }

    private static String only(List<String> words, boolean holds) {
        Replies.usage(holds, USAGE);
        return words.get(1);
    }

    /** {@code HOST:PATH}, as Gluster wants a brick: a host, a colon, an absolute path. */
    private static boolean brickShaped(String brick) {
        int colon = brick.indexOf(':');
        return colon > 0 && brick.startsWith("/", colon + 1);
    }

    private static HealRequest refused(String line, List<String> words) {
        boolean known = NOT_YET.contains(words.getFirst()) || NOT_YET.contains(line);
        throw VolumeFailure.usage(known
                ? "volume heal: '" + line + "' is not supported by bramble yet; it takes "
                        + USAGE
                : "Usage: " + USAGE);
    }
}
