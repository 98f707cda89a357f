package io.bramble.fs.volume.text;

import io.bramble.fs.volume.status.PendingReport;
import java.util.List;

/**
 * {@code volume heal NAME info}, {@code info summary}, {@code info split-brain} and
 * {@code statistics heal-count} in Gluster's layout: a block per brick, in the volume's
 * order, with the files whose changes another copy of the set still needs from that brick.
 * A brick whose machine did not answer shows Gluster's "Transport endpoint is not connected"
 * and {@code -} entries.
 */
public final class HealInfoText {
    private static final String NOT_CONNECTED = "Transport endpoint is not connected";

    private HealInfoText() {
    }

    /** {@code heal NAME info}: each brick's entries, then its status and count. */
    public static String info(List<PendingReport> reports) {
        StringBuilder out = new StringBuilder();
        for (PendingReport r : reports) {
            out.append("Brick ").append(r.brick().shown()).append('\n');
            if (!r.reachable()) {
                out.append("Status: ").append(NOT_CONNECTED).append("\nNumber of entries: -\n\n");
                continue;
            }
            r.shown().forEach(path -> out.append(path).append('\n'));
            if (r.count() > r.shown().size()) {
                out.append("(").append(r.count() - r.shown().size()).append(
                        " more not listed)\n");
            }
            out.append("Status: Connected\nNumber of entries: ").append(r.count()).append('\n');
            r.healing().ifPresent(run -> out.append(run.shown()).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * {@code heal NAME info summary}: each brick's counts.
     *
     * @param splitBrains each brick's entries in split-brain ({@link #splitBrain}), in the
     *     same order
     */
    public static String summary(List<PendingReport> reports, List<PendingReport> splitBrains) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < reports.size(); i++) {
            PendingReport r = reports.get(i);
            out.append("Brick ").append(r.brick().shown()).append('\n');
            if (!r.reachable()) {
                out.append("Status: ").append(NOT_CONNECTED).append(
                        "\nTotal Number of entries: -\n\n");
                continue;
            }
            long split = Math.min(r.count(), splitBrains.get(i).count());
            long healing = r.healing().map(run -> Math.min(r.count() - split, Math.max(0, run
                    .filesListed() - run.filesHealed()))).orElse(0L);
            out.append("Status: Connected\n")
                    .append("Total Number of entries: ").append(r.count()).append('\n')
                    .append("Number of entries in heal pending: ").append(r.count() - split
                            - healing)
                    .append('\n')
                    .append("Number of entries in split-brain: ").append(split).append('\n')
                    .append("Number of entries possibly healing: ").append(healing).append('\n');
            r.healing().ifPresent(run -> out.append(run.shown()).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * {@code heal NAME info split-brain}: each brick's entries in split-brain, then its status
     * and their count.
     *
     * @param splitBrains per brick, the entries of its index found in split-brain
     * @param reports the bricks' indexes they were found in, in the same order: a brick whose
     *     index lists more than was examined says so
     */
    public static String splitBrain(List<PendingReport> splitBrains,
            List<PendingReport> reports) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < splitBrains.size(); i++) {
            PendingReport r = splitBrains.get(i);
            out.append("Brick ").append(r.brick().shown()).append('\n');
            if (!r.reachable()) {
                out.append("Status: ").append(NOT_CONNECTED).append(
                        "\nNumber of entries in split-brain: -\n\n");
                continue;
            }
            r.shown().forEach(path -> out.append(path).append('\n'));
            PendingReport index = reports.get(i);
            if (index.count() > index.shown().size()) {
                out.append("(the first ").append(index.shown().size()).append(" of the ")
                        .append(index.count()).append(" files the index lists were examined)\n");
            }
            out.append("Status: Connected\nNumber of entries in split-brain: ").append(r
                    .count()).append("\n\n");
        }
        return out.toString();
    }

    /** {@code heal NAME statistics heal-count}. */
    public static String healCount(String volume, List<PendingReport> reports) {
        StringBuilder out = new StringBuilder("Gathering count of entries to be healed on"
                + " volume " + volume + " has been successful\n\n");
        for (PendingReport r : reports) {
            out.append("Brick ").append(r.brick().shown()).append("\nNumber of entries: ")
                    .append(r.reachable() ? Long.toString(r.count()) : "-").append("\n\n");
        }
        return out.toString();
    }
}
