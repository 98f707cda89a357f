package io.bramble.fs.volume.command;

import io.bramble.fs.volume.rebalance.RebalanceState;
import io.bramble.fs.volume.rebalance.Rebalances;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code volume rebalance-report VOLUME-ID [stop]}, asked of each member by the node that runs
 * {@code volume rebalance NAME status} (or {@code stop}): this node's last run of the
 * volume's rebalance, as one line {@code ID STATE SECONDS SCANNED FAILURES MOVED BYTES
 * SKIPPED}, or nothing when
 * it ran none; with {@code stop}, the run is asked to stop first.
 */
final class ReportRebalance implements VolumeVerb {
    static final String VERB = "rebalance-report";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 1 || args.size() == 2 && args.get(1).equals("stop"),
                "volume " + VERB + " VOLUME-ID [stop]");
        String stopping = args.size() == 2 && ctx.rebalances.stop(args.getFirst())
                ? "stopping\n"
                : "";
        return Replies.ok(stopping + ctx.rebalances.report(args.getFirst()).map(
                ReportRebalance::encode).orElse(""));
    }

    static String encode(Rebalances.Report report) {
        return report.id() + " " + report.state().name() + " " + report.runSeconds() + " "
                + report.scanned() + " " + report.failures() + " " + report.moved() + " "
                + report.movedBytes() + " " + report.skipped() + "\n";
    }

    /** The report in {@code text}'s last line; empty when there is none or it is unreadable. */
    static Optional<Rebalances.Report> decode(String text) {
        String[] lines = text.strip().split("\n");
        String[] words = lines[lines.length - 1].split(" ");
        if (words.length != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Rebalances.Report(UUID.fromString(words[0]),
                    RebalanceState.valueOf(words[1]), Long.parseLong(words[2]), Long.parseLong(
                            words[3]),
                    Long.parseLong(words[4]), Long.parseLong(words[5]),
                    Long.parseLong(words[6]), Long.parseLong(words[7])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
