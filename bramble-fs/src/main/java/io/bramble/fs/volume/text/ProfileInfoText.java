package io.bramble.fs.volume.text;

import io.bramble.fs.brick.profile.FopLatency;
import io.bramble.fs.brick.profile.ProfileStats;
import io.bramble.fs.volume.status.ProfileReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code volume profile NAME info} in Gluster's layout: per brick that answered, its name over
 * a rule of dashes, then each window: reads and writes by block size three sizes a line (only
 * sizes with a count), the operations by their share of the time spent (least first, as
 * Gluster sorts them), and the window's duration and bytes.
 */
public final class ProfileInfoText {
    private static final int PER_LINE = 3;

    private ProfileInfoText() {
    }

    /** The bricks that answered; {@code clear} shows each brick's "Cleared stats." instead. */
    public static String render(List<ProfileReport> reports, boolean clear) {
        StringBuilder out = new StringBuilder();
        for (ProfileReport report : reports) {
            if (!report.reachable()) {
                continue; // Gluster lists the bricks that answered
            }
            String title = "Brick: " + report.brick().shown();
            out.append(title).append('\n').append("-".repeat(title.length())).append('\n');
            if (clear) {
                out.append("Cleared stats.\n");
                continue;
            }
            report.windows().forEach(w -> window(out, w));
        }
        return out.toString();
    }

    /** Whether no brick answered: Gluster then says they are all down. */
    public static boolean noneAnswered(List<ProfileReport> reports) {
        return reports.stream().noneMatch(ProfileReport::reachable);
    }

    static void window(StringBuilder out, ProfileStats w) {
        out.append(w.cumulative()
                ? "Cumulative Stats:"
                : "Interval " + w.interval()
                        + " Stats:")
                .append('\n');
        blocks(out, w);
        fops(out, w.fops());
        out.append(" \n");
        out.append(String.format(Locale.ROOT, "%12s: %d seconds\n", "Duration", w
                .durationSec()));
        out.append(String.format(Locale.ROOT, "%12s: %d bytes\n", "Data Read", w.bytesRead()));
        out.append(String.format(Locale.ROOT, "%12s: %d bytes\n", "Data Written", w
                .bytesWritten()));
        out.append(" \n");
    }

    private static void blocks(StringBuilder out, ProfileStats w) {
        StringBuilder sizes = new StringBuilder();
        StringBuilder reads = new StringBuilder();
        StringBuilder writes = new StringBuilder();
        int onLine = 0;
        for (int i = 0; i < ProfileStats.BLOCK_SIZES; i++) {
            long r = w.readBlocks().get(i);
            long wr = w.writeBlocks().get(i);
            if (r == 0 && wr == 0) {
                continue;
            }
            if (onLine == 0) {
                sizes.append(String.format(Locale.ROOT, "%14s", "Block Size:"));
                reads.append(String.format(Locale.ROOT, "%14s", "No. of Reads:"));
                writes.append(String.format(Locale.ROOT, "%14s", "No. of Writes:"));
            }
            sizes.append(String.format(Locale.ROOT, "%19db+ ", 1L << i));
            reads.append(String.format(Locale.ROOT, "%21d ", r));
            writes.append(String.format(Locale.ROOT, "%21d ", wr));
            if (++onLine == PER_LINE) {
                flush(out, sizes, reads, writes);
                out.append(" \n");
                onLine = 0;
            }
        }
        if (onLine != 0) {
            flush(out, sizes, reads, writes);
        }
    }

    private static void flush(StringBuilder out, StringBuilder sizes, StringBuilder reads,
            StringBuilder writes) {
        out.append(sizes).append('\n').append(reads).append('\n').append(writes).append('\n');
        sizes.setLength(0);
        reads.setLength(0);
        writes.setLength(0);
    }

    private static void fops(StringBuilder out, List<FopLatency> fops) {
        if (fops.isEmpty()) {
            return;
        }
        double total = fops.stream().mapToDouble(f -> f.avgUs() * f.calls()).sum();
        List<FopLatency> sorted = new ArrayList<>(fops);
        if (total > 0) { // a stable sort: equal shares stay in Gluster's order of operations
            sorted.sort(Comparator.comparingDouble(f -> share(f, total)));
        }
        out.append(String.format(Locale.ROOT, "%10s %13s %13s %13s %14s %11s\n", "%-latency",
                "Avg-latency", "Min-Latency", "Max-Latency", "No. of calls", "Fop"));
        out.append(String.format(Locale.ROOT, "%10s %13s %13s %13s %14s %11s\n", "---------",
                "-----------", "-----------", "-----------", "------------", "----"));
        for (FopLatency f : sorted) {
            out.append(String.format(Locale.ROOT,
                    "%10.2f %10.2f us %10.2f us %10.2f us %14d %11s\n", total > 0
                            ? share(f,
                                    total)
                            : 0.0,
                    f.avgUs(), f.minNs() / 1000.0, f.maxNs() / 1000.0,
                    f.calls(), f.fop().name()));
        }
    }

    private static double share(FopLatency f, double total) {
        return 100 * f.avgUs() * f.calls() / total;
    }
}
