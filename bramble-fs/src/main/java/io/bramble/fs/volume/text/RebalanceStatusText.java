package io.bramble.fs.volume.text;

import io.bramble.fs.volume.rebalance.RebalanceState;
import java.util.List;

/**
 * {@code volume rebalance NAME status} in Gluster's layouts, a row per node that ran it (this
 * node shown as {@code localhost}), then the success line: after a {@code fix-layout start}
 * its status and run time in h:m:s; after a {@code start} also the files moved, their size,
 * the files scanned, failures and files skipped.
 */
public final class RebalanceStatusText {
    /** One node's row. */
    public record Row(String node, RebalanceState state, long runSeconds) {}

    /** One node's row of a run that moves files. */
    public record MigrationRow(String node, long files, long bytes, long scanned, long failures,
            long skipped, RebalanceState state, long runSeconds) {}

    private RebalanceStatusText() {
    }

    public static String fixLayout(String volume, List<Row> rows) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%35s %41s %27s\n", "Node", "status", "run time in h:m:s"));
        text.append(String.format("%35s %41s %27s\n", "---------", "-----------",
                "------------"));
        for (Row row : rows) {
            long seconds = row.runSeconds();
            text.append(String.format("%35s %50s %8d:%d:%d\n", row.node(), row.state().shown(),
                    seconds / 3600, seconds % 3600 / 60, seconds % 60));
        }
        return text.append("volume rebalance: ").append(volume).append(": success\n")
                .toString();
    }

    public static String migration(String volume, List<MigrationRow> rows) {
        return migrationTable(rows) + "volume rebalance: " + volume + ": success\n";
    }

    /** The table of a run that moves files, alone ({@code volume remove-brick ... status}). */
    public static String migrationTable(List<MigrationRow> rows) {
        StringBuilder text = new StringBuilder();
        String columns = "%40s %16s %13s %13s %13s %13s %20s %18s\n";
        text.append(String.format(columns, "Node", "Rebalanced-files", "size", "scanned",
                "failures", "skipped", "status", "run time in h:m:s"));
        text.append(String.format(columns, "---------", "-----------", "-----------",
                "-----------", "-----------", "-----------", "------------",
                "--------------"));
        for (MigrationRow row : rows) {
            long seconds = row.runSeconds();
            text.append(String.format("%40s %16d %13s %13d %13d %13d %20s %8d:%d:%d\n",
                    row.node(), row.files(), HumanSize.of(row.bytes()), row.scanned(),
                    row.failures(), row.skipped(), row.state().shown(), seconds / 3600,
                    seconds % 3600 / 60, seconds % 60));
        }
        return text.toString();
    }
}
