package io.bramble.fs.volume.command;

import io.bramble.fs.mount.SpecWatch;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.StaleCopies;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.create.RemoveBrickLine;
import io.bramble.fs.volume.create.RemoveBrickLine.Action;
import io.bramble.fs.volume.rebalance.RebalanceState;
import io.bramble.fs.volume.rebalance.Rebalances;
import io.bramble.fs.volume.text.RebalanceStatusText;
import io.bramble.pool.member.Member;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.UUID;

/**
 * {@code volume remove-brick NAME BRICK... start|status|stop|commit|force}, as Gluster runs
 * it. {@code start} marks the bricks' subvolumes decommissioned in the volume's record (mounts
 * then place nothing new there) and walks the volume as {@code rebalance} does, spreading each
 * folder over the other subvolumes and moving every file off the decommissioned ones;
 * {@code status} shows each node's run in the rebalance table; {@code stop} ends the run and
 * brings the bricks back; {@code commit}, once the run completed, takes the bricks out of the
 * volume; {@code force} takes them out at once, their files left behind on them. Moving files
 * is done on pure distribute volumes only (a move's last step is atomic on one brick); whole
 * replica, disperse or stripe sets are removed with {@code force}.
 */
final class RemoveBrick implements VolumeVerb {
    /**
     * How long {@code start} lets mounts take on the decommission before files move: two of
     * their polls, so that none still places new files on the bricks behind the walk.
     */
    static final long SETTLE_MS = 2 * SpecWatch.POLL_MS;
    private static final String MIGRATED = "Check the removed bricks to ensure all files are"
            + " migrated.\nIf files with data are found on the brick path, copy them via a"
            + " gluster mount point before re-purposing the removed brick. \n";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        RemoveBrickLine.Request request = RemoveBrickLine.read(args).orElseThrow(
                () -> VolumeFailure.usage(RemoveBrickLine.USAGE));
        String prefix = "volume remove-brick " + (request.action() == Action.FORCE
                ? "commit force"
                : request.action().name().toLowerCase(java.util.Locale.ROOT));
        VolumeSpec volume = ctx.require(prefix, request.name());
        if (request.replicaCount() > 0) {
            throw VolumeFailure.failed(prefix, "not supported by bramble yet: remove-brick"
                    + " replica " + request.replicaCount() + " (changing the replica count of "
                    + volume.name() + "); remove whole replica sets without `replica`, or"
                    + " create a volume of the new shape and copy the files over");
        }
        List<Integer> positions = switch (RemoveBrickLine.subvolumes(volume, request
                .bricks())) {
            case RemoveBrickLine.Choice.Subvolumes s -> s.positions();
            case RemoveBrickLine.Choice.Refused r -> throw VolumeFailure.failed(prefix, r
                    .message());
        };
        return switch (request.action()) {
            case START -> start(ctx, prefix, volume, positions);
            case STATUS -> status(ctx, prefix, volume, positions);
            case STOP -> stop(ctx, prefix, volume, positions);
            case COMMIT -> commit(ctx, prefix, volume, positions);
            case FORCE -> force(ctx, prefix, volume, positions);
        };
    }

    /** What a node's drain runs of {@code volume} are kept under, apart from its rebalances. */
    private static String key(VolumeSpec volume) {
        return RebalanceVolume.key(volume) + "/remove-brick";
    }

    private static List<Integer> decommissioned(VolumeSpec volume) {
        List<Integer> positions = new java.util.ArrayList<>();
        for (int i = 0; i < volume.distributeCount(); i++) {
            if (volume.isDecommissioned(i)) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static CommandReply start(VolumeContext ctx, String prefix, VolumeSpec volume,
            List<Integer> positions) {
        String name = volume.name();
        if (volume.setSize() > 1) {
            throw VolumeFailure.failed(prefix, "not supported by bramble yet: moving files off"
                    + " the " + volume.type().shown() + " sets of " + name + "; run `volume"
                    + " remove-brick " + name + " BRICK... force` to remove whole sets at once"
                    + " (their files are then no longer reachable through the volume: copy"
                    + " them in again through a mount)");
        }
        if (volume.status() != VolumeStatus.STARTED) {
            throw VolumeFailure.failed(prefix, "Volume " + name + " needs to be started before"
                    + " remove-brick (you can use 'force' or 'commit' to override this"
                    + " behavior)");
        }
        List<Integer> before = decommissioned(volume);
        if (!before.isEmpty() && !before.equals(positions)) {
            throw VolumeFailure.failed(prefix, "An earlier remove-brick task exists for volume "
                    + name + ". Either commit it or stop it before starting a new task.");
        }
        if (running(ctx, RebalanceVolume.key(volume))) {
            throw VolumeFailure.failed(prefix, "Rebalance is in progress. Please retry after"
                    + " completion");
        }
        if (running(ctx, key(volume))) {
            throw VolumeFailure.failed(prefix, "remove-brick on " + name + " is still running"
                    + " (stopping after the file it moves); run the command again once"
                    + " `status` shows it stopped");
        }
        for (Brick brick : volume.bricks()) {
            if (!BrickMembers.connected(ctx, brick)) {
                throw VolumeFailure.failed(prefix, "Host node of the brick " + brick.shown()
                        + " is down");
            }
        }
        ctx.update(prefix, name, v -> {
            if (!v.bricks().equals(volume.bricks())) {
                throw VolumeFailure.failed(prefix, "the bricks of volume " + name + " changed"
                        + " meanwhile; run the command again");
            }
            return v.withDecommissioned(positions);
        });
        UUID id = ctx.rebalances.start(key(volume), name, Rebalances.Kind.DRAIN, () -> {
            settle(ctx);
            return RebalanceVolume.stack(ctx, name, client -> client::moveOffDecommissioned);
        }).orElseThrow(() -> VolumeFailure.failed(prefix, "remove-brick on " + name + " is"
                + " already started"));
        ctx.node.log().event("volume " + name + ": remove-brick started: " + positions.size()
                + " subvolume(s) being emptied");
        return Replies.ok(prefix + ": success\nID: " + id + "\n");
    }

    private static void settle(VolumeContext ctx) {
        try {
            ctx.pause(SETTLE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before moving files");
        }
    }

    private static boolean running(VolumeContext ctx, String key) {
        return RebalanceVolume.reports(ctx, key).stream().anyMatch(r -> !r.report().state()
                .ended());
    }

    /** Fails unless {@code positions} are the subvolumes remove-brick start is emptying. */
    private static void requireStarted(String prefix, VolumeSpec volume,
            List<Integer> positions) {
        List<Integer> now = decommissioned(volume);
        if (now.isEmpty()) {
            throw VolumeFailure.failed(prefix, "remove-brick not started for volume "
                    + volume.name() + ".");
        }
        for (int position : positions) {
            if (!now.contains(position)) {
                throw VolumeFailure.failed(prefix, "Brick " + volume.set(position).getFirst()
                        .shown() + " is not decommissioned. Use start or force option");
            }
        }
        if (!now.equals(positions)) {
            throw VolumeFailure.failed(prefix, "name every brick remove-brick start took:"
                    + now.stream().map(p -> " " + volume.set(p).getFirst().shown()).reduce("",
                            String::concat));
        }
    }

    private static CommandReply status(VolumeContext ctx, String prefix, VolumeSpec volume,
            List<Integer> positions) {
        requireStarted(prefix, volume, positions);
        List<RebalanceVolume.NodeReport> reports = RebalanceVolume.reports(ctx, key(volume));
        if (reports.isEmpty()) {
            throw VolumeFailure.failed(prefix, "remove-brick not started for volume "
                    + volume.name() + ".");
        }
        return Replies.ok(RebalanceStatusText.migrationTable(RebalanceVolume.migrationRows(
                reports)));
    }

    private static CommandReply stop(VolumeContext ctx, String prefix, VolumeSpec volume,
            List<Integer> positions) {
        requireStarted(prefix, volume, positions);
        stopRuns(ctx, volume);
        ctx.update(prefix, volume.name(), v -> v.withDecommissioned(List.of()));
        ctx.node.log().event("volume " + volume.name() + ": remove-brick stopped");
        return Replies.ok(RebalanceStatusText.migrationTable(RebalanceVolume.migrationRows(
                RebalanceVolume.reports(ctx, key(volume)))) + "'remove-brick' process may be"
                + " in the middle of a file migration.\nThe process will be fully stopped once"
                + " the migration of the file is complete.\nPlease check remove-brick process"
                + " for completion before doing any further brick related tasks on the"
                + " volume.\n");
    }

    private static void stopRuns(VolumeContext ctx, VolumeSpec volume) {
        for (Member member : ctx.node.members().all()) {
            ctx.askMember(member, List.of("volume", ReportRebalance.VERB, key(volume),
                    "stop"));
        }
    }

    private static CommandReply commit(VolumeContext ctx, String prefix, VolumeSpec volume,
            List<Integer> positions) {
        requireStarted(prefix, volume, positions);
        List<RebalanceVolume.NodeReport> reports = RebalanceVolume.reports(ctx, key(volume));
        if (reports.stream().anyMatch(r -> !r.report().state().ended())) {
            throw VolumeFailure.failed(prefix, "use 'force' option as migration is in"
                    + " progress");
        }
        if (reports.isEmpty() || reports.stream().anyMatch(r -> r.report()
                .state() != RebalanceState.COMPLETED)) {
            throw VolumeFailure.failed(prefix, "use 'force' option as migration has failed or"
                    + " was stopped; or run `volume remove-brick " + volume.name() + " BRICK..."
                    + " start` again");
        }
        remove(ctx, prefix, volume, positions);
        return Replies.ok(prefix + ": success\n" + MIGRATED);
    }

    private static CommandReply force(VolumeContext ctx, String prefix, VolumeSpec volume,
            List<Integer> positions) {
        checkNoStaleCopies(ctx, prefix, volume, positions.getFirst());
        stopRuns(ctx, volume);
        remove(ctx, prefix, volume, positions);
        return Replies.ok(prefix + ": success\n");
    }

    /**
     * Fails when a replica set from {@code first} on has a copy recorded stale: those
     * records are kept by the set's position, which removing a set before them changes.
     */
    private static void checkNoStaleCopies(VolumeContext ctx, String prefix, VolumeSpec volume,
            int first) {
        if (volume.replicaCount() != 2) {
            return;
        }
        for (int set = first; set < volume.subvolumeCount(); set++) {
            if (ctx.store(prefix).get(StaleCopies.TYPE, StaleCopies.key(volume.name(), set))
                    .isPresent()) {
                throw VolumeFailure.failed(prefix, "replica set " + set + " of " + volume
                        .name() + " has a copy waiting for heal; run the command again once"
                        + " `volume heal " + volume.name() + " info` shows none");
            }
        }
    }

    /** Takes the subvolumes at {@code positions} out of the volume's record. */
    private static void remove(VolumeContext ctx, String prefix, VolumeSpec volume,
            List<Integer> positions) {
        ctx.update(prefix, volume.name(), v -> {
            if (!v.bricks().equals(volume.bricks())) {
                throw VolumeFailure.failed(prefix, "the bricks of volume " + volume.name()
                        + " changed meanwhile; run the command again");
            }
            return v.withSetsRemoved(positions);
        });
        ctx.service.reconcileSoon();
        ctx.node.log().event("volume " + volume.name() + ": " + positions.size()
                + " subvolume(s) removed");
    }
}
