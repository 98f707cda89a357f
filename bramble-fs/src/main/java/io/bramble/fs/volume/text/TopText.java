package io.bramble.fs.volume.text;

import io.bramble.fs.brick.profile.OpenFiles;
import io.bramble.fs.brick.profile.TopEntry;
import io.bramble.fs.volume.status.TopReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code volume top} in Gluster's layout: per brick that answered, "Brick: HOST:PATH", for
 * {@code open} its open files now and at most, for the perf views the throughput measured,
 * then the files with their counts under "Count\t\tfilename" (only when there are some).
 */
public final class TopText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private TopText() {
    }

    /** The bricks that answered, times in {@code zone}. */
    public static String render(List<TopReport> reports, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        for (TopReport report : reports) {
            if (!report.reachable()) {
                continue; // Gluster lists the bricks that answered
            }
            out.append("Brick: ").append(report.brick().shown()).append('\n');
            report.open().ifPresent(open -> out.append(openLine(open, zone)).append('\n'));
            report.perf().ifPresent(p -> out.append(String.format(Locale.ROOT,
                    "Throughput %.2f MBps time %.4f secs\n", p.mbps(), p.micros() / 1e6)));
            if (!report.files().isEmpty()) {
                out.append("Count\t\tfilename\n=======================\n");
                for (TopEntry file : report.files()) {
                    out.append(file.count()).append("\t\t").append(file.path()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Gluster's line, the time to the microsecond. */
    static String openLine(OpenFiles open, ZoneId zone) {
        Instant at = Instant.ofEpochMilli(open.maxAtEpochMs());
        String when = WHEN.format(at.atZone(zone)) + String.format(Locale.ROOT, ".%06d", at
                .getNano() / 1000);
        return "Current open fds: " + open.current() + ", Max open fds: " + open.max()
                + ", Max openfd time: " + when;
    }
}
