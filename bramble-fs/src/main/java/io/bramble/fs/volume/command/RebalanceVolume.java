package io.bramble.fs.volume.command;

import io.bramble.fs.brick.wire.ClientSettings;
import io.bramble.fs.brick.wire.PoolTls;
import io.bramble.fs.mount.VolumeClient;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.rebalance.FileMigration;
import io.bramble.fs.volume.rebalance.LayoutWalk;
import io.bramble.fs.volume.rebalance.Rebalances;
import io.bramble.fs.volume.spec.ClientSpec;
import io.bramble.fs.volume.text.RebalanceStatusText;
import io.bramble.pool.member.Member;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code volume rebalance NAME fix-layout start|start [force]|stop|status}, as Gluster runs
 * them: the node that is asked walks the volume through a client stack of its own and spreads
 * every directory over every subvolume ({@link LayoutWalk}); {@code start} then moves each
 * file of a spread directory to the subvolume its name hashes to now ({@link FileMigration});
 * status shows each node's run.
 */
final class RebalanceVolume implements VolumeVerb {
    static final String USAGE = "Usage: volume rebalance <VOLNAME> {{fix-layout start} |"
            + " {start [force]|stop|status}}";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        if (args.size() < 2) {
            throw VolumeFailure.usage(USAGE);
        }
        String name = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        String prefix = "volume rebalance: " + name;
        if (rest.equals(List.of("fix-layout", "start"))) {
            return start(ctx, prefix, name, Rebalances.Kind.FIX_LAYOUT);
        }
        if (rest.equals(List.of("status"))) {
            return status(ctx, prefix, name);
        }
        if (rest.equals(List.of("stop"))) {
            return stop(ctx, prefix, name);
        }
        if (rest.equals(List.of("start")) || rest.equals(List.of("start", "force"))) {
            VolumeSpec volume = ctx.require(prefix, name);
            if (volume.setSize() > 1) {
                throw VolumeFailure.failed(prefix, "not supported by bramble yet: moving files"
                        + " between the " + volume.type().shown() + " sets of " + name
                        + "; run `volume rebalance " + name + " fix-layout start`: new files"
                        + " then spread over every set, and existing files are read where"
                        + " they are");
            }
            return start(ctx, prefix, name, new Rebalances.Kind(true, rest.size() == 2));
        }
        throw VolumeFailure.usage(USAGE);
    }

    private static CommandReply start(VolumeContext ctx, String prefix, String name,
            Rebalances.Kind kind) {
        VolumeSpec volume = ctx.require(prefix, name);
        if (volume.status() != VolumeStatus.STARTED) {
            throw VolumeFailure.failed(prefix, "Volume " + name + " needs to be started to"
                    + " perform rebalance");
        }
        if (volume.distributeCount() < 2) {
            throw VolumeFailure.failed(prefix, "Volume " + name + " is not a distribute volume"
                    + " or contains only 1 brick.\nNot performing rebalance");
        }
        if (!volume.retired().decommissioned().isEmpty()) {
            throw VolumeFailure.failed(prefix, "A remove-brick task on volume " + name
                    + " is not yet committed. Either commit or stop the remove-brick task.");
        }
        if (reports(ctx, volume).stream().anyMatch(r -> !r.report().state().ended())) {
            throw VolumeFailure.failed(prefix, "Rebalance on " + name + " is already started");
        }
        UUID id = ctx.rebalances.start(key(volume), name, kind, () -> stack(ctx, name))
                .orElseThrow(() -> VolumeFailure.failed(prefix, "Rebalance on " + name
                        + " is already started"));
        ctx.node.log().event("volume " + name + ": rebalance "
                + (kind.moveFiles() ? "" : "fix-layout ") + "started");
        return Replies.ok(prefix + ": success: Rebalance on " + name + " has been started"
                + " successfully. Use rebalance status command to check status of the"
                + " rebalance process.\nID: " + id + "\n");
    }

    private static CommandReply status(VolumeContext ctx, String prefix, String name) {
        List<NodeReport> reports = reports(ctx, ctx.require(prefix, name));
        if (reports.isEmpty()) {
            throw VolumeFailure.failed(prefix, "Rebalance not started for volume " + name
                    + ".");
        }
        if (reports.stream().anyMatch(r -> r.report().state().movesFiles())) {
            return Replies.ok(RebalanceStatusText.migration(name, migrationRows(reports)));
        }
        List<RebalanceStatusText.Row> rows = reports.stream()
                .map(r -> new RebalanceStatusText.Row(r.node(), r.report().state(), r.report()
                        .runSeconds()))
                .toList();
        return Replies.ok(RebalanceStatusText.fixLayout(name, rows));
    }

    private static CommandReply stop(VolumeContext ctx, String prefix, String name) {
        VolumeSpec volume = ctx.require(prefix, name);
        boolean stopped = false;
        for (Member member : ctx.node.members().all()) {
            stopped |= ctx.askMember(member, List.of("volume", ReportRebalance.VERB, key(
                    volume), "stop")).map(text -> text.startsWith("stopping")).orElse(false);
        }
        if (!stopped) {
            throw VolumeFailure.failed(prefix, "Rebalance not started for volume " + name
                    + ".");
        }
        String table = status(ctx, prefix, name).out();
        return Replies.ok(table.substring(0, table.lastIndexOf("volume rebalance:")) + prefix
                + ": success: rebalance process may be in the middle of a file migration.\n"
                + "The process will be fully stopped once the migration of the file is"
                + " complete.\nPlease check rebalance process for completion before doing any"
                + " further brick related tasks on the volume.\n");
    }

    /** The rows of a status table of runs that move files. */
    static List<RebalanceStatusText.MigrationRow> migrationRows(List<NodeReport> reports) {
        return reports.stream().map(r -> new RebalanceStatusText.MigrationRow(r.node(), r
                .report().moved(), r.report().movedBytes(), r.report().scanned(),
                r.report()
                        .failures(),
                r.report().skipped(), r.report().state(), r.report()
                        .runSeconds()))
                .toList();
    }

    /** One node's last run, with the name status shows it by. */
    record NodeReport(String node, Rebalances.Report report) {}

    /**
     * What a node's runs of {@code volume} are kept under: its id, so that a volume deleted
     * and made again under the same name shows none of the old one's.
     */
    static String key(VolumeSpec volume) {
        return volume.id().toString();
    }

    /** The last run of {@code volume} on each connected member that has one. */
    private static List<NodeReport> reports(VolumeContext ctx, VolumeSpec volume) {
        return reports(ctx, key(volume));
    }

    /** The last run kept under {@code key} on each connected member that has one. */
    static List<NodeReport> reports(VolumeContext ctx, String key) {
        List<NodeReport> reports = new ArrayList<>();
        for (Member member : ctx.node.members().all()) {
            Optional<Rebalances.Report> report = ctx.askMember(member, List.of("volume",
                    ReportRebalance.VERB, key)).flatMap(ReportRebalance::decode);
            String shown = member.id().equals(ctx.node.id()) ? "localhost" : member.hostname();
            report.ifPresent(r -> reports.add(new NodeReport(shown, r)));
        }
        return reports;
    }

    /** A client stack over the whole volume, as its record is now. */
    private static Rebalances.Stack stack(VolumeContext ctx, String name) {
        return stack(ctx, name, client -> client::moveToHashed);
    }

    /**
     * A client stack over the whole volume, as its record is now, whose moves
     * {@code planner} plans.
     */
    static Rebalances.Stack stack(VolumeContext ctx, String name,
            Function<VolumeClient, FileMigration.Planner> planner) {
        VolumeSpec volume = ctx.require("volume rebalance: " + name, name);
        PoolTls tls = ctx.node.membership().map(PoolTls::of).orElseThrow(
                () -> new IllegalStateException("this node is in no pool"));
        VolumeClient client = VolumeClient.open(new ClientSpec(volume, ctx.endpoints(volume)),
                tls, ClientSettings.DEFAULTS, Optional.of(ctx.node.id()), ctx.node
                        .stateDirectory(),
                List.of());
        return new Rebalances.Stack() {
            @Override
            public FileOps files() {
                return client.files();
            }

            @Override
            public LayoutWalk.Fix fix() {
                return client::fixLayout;
            }

            @Override
            public FileMigration.Planner planner() {
                return planner.apply(client);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }
}
