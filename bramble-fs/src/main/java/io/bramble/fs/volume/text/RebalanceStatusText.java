package io.bramble.fs.volume.text;

import io.bramble.fs.volume.rebalance.RebalanceState;
import java.util.List;

/**
 * {@code volume rebalance NAME status} after a {@code fix-layout start}, in Gluster's layout:
 * a row per node that ran it (this node shown as {@code localhost}), with its status and run
 * time in h:m:s, then the success line.
 */
public final class RebalanceStatusText {
    /** One node's row. */
    public record Row(String node, RebalanceState state, long runSeconds) {}

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
}
