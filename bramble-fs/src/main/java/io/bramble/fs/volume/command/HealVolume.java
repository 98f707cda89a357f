package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.status.PendingReport;
import io.bramble.fs.volume.text.HealInfoText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume heal NAME info|info summary|info split-brain|statistics heal-count}: what
 * each brick's index of marked files holds, the files another copy of its set still needs,
 * asked of the brick's member ({@link SplitBrainEntries} tells which are in split-brain).
 * {@code volume heal NAME [full]} starts a heal pass on every member holding bricks of the
 * volume now, rather than at its next pass. {@code volume heal NAME split-brain ...} heals
 * files in split-brain from the copy the user names ({@link ResolveSplitBrain}). A disperse
 * volume has the index and full heals and their info.
 */
final class HealVolume implements VolumeVerb {
    /**
     * Gluster's answer, and the hosts whose heal could not be started: they heal anyway at
     * their next pass, once they are up.
     */
    private static CommandReply start(VolumeContext ctx, VolumeSpec volume, boolean full) {
        List<String> missed = ctx.startHeals(volume, full);
        String kind = full ? "full" : "index";
        if (!missed.isEmpty()) {
            throw VolumeFailure.failed("Launching heal operation to perform " + kind
                    + " self heal on volume " + volume.name() + " has been unsuccessful: "
                    + String.join(", ", missed) + " did not answer; their bricks are healed"
                    + " once they are back, every "
                    + io.bramble.fs.volume.heal.HealService.PASS_MS / 1000 + " s");
        }
        return Replies.ok("Launching heal operation to perform " + kind + " self heal on volume "
                + volume.name() + " has been successful \nUse heal info commands to check"
                + " status.\n");
    }

    /**
     * What a disperse volume answers: its index and full heals and the files its bricks list.
     * Its fragments have no split-brain (versions tell which are in step).
     */
    private static CommandReply disperse(VolumeContext ctx, VolumeSpec volume,
            HealRequest request) {
        return switch (request) {
            case HealRequest.Start s -> start(ctx, volume, s.full());
            case HealRequest.Info i -> Replies.ok(HealInfoText.info(ctx.pendingReports(volume)));
            case HealRequest.HealCount c -> Replies.ok(HealInfoText.healCount(volume.name(), ctx
                    .pendingReports(volume)));
            default -> throw VolumeFailure.failed("this heal command is not supported by"
                    + " bramble on disperse volumes yet; it runs 'volume heal " + volume.name()
                    + " [full]', 'volume heal " + volume.name() + " info' and 'volume heal "
                    + volume.name() + " statistics heal-count' on them");
        };
    }

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(!args.isEmpty(), HealLine.USAGE);
        String name = args.getFirst();
        HealRequest request = HealLine.read(args.subList(1, args.size()));
        VolumeSpec volume = ctx.find(name).orElseThrow(() -> VolumeFailure.failed(
                VolumeContext.notFound(name))).value();
        if (volume.replicaCount() < 2 && !volume.dispersed()) {
            throw VolumeFailure.failed("Volume " + name + " is not of type replicate/disperse");
        }
        if (volume.status() != VolumeStatus.STARTED) {
            throw VolumeFailure.failed("Volume " + name + " is not started.");
        }
        if (volume.dispersed()) {
            return disperse(ctx, volume, request);
        }
        return switch (request) {
            case HealRequest.Start s -> start(ctx, volume, s.full());
            case HealRequest.Info i -> Replies.ok(HealInfoText.info(ctx.pendingReports(volume)));
            case HealRequest.Summary s -> {
                List<PendingReport> indexes = ctx.pendingReports(volume);
                yield Replies.ok(HealInfoText.summary(indexes, SplitBrainEntries.of(ctx, volume,
                        indexes)));
            }
            case HealRequest.SplitBrainInfo s -> {
                List<PendingReport> indexes = ctx.pendingReports(volume);
                yield Replies.ok(HealInfoText.splitBrain(SplitBrainEntries.of(ctx, volume,
                        indexes), indexes));
            }
            case HealRequest.HealCount c -> Replies.ok(HealInfoText.healCount(name, ctx
                    .pendingReports(volume)));
            case HealRequest.BiggerFile r -> ResolveSplitBrain.run(ctx, volume, r);
            case HealRequest.LatestMtime r -> ResolveSplitBrain.run(ctx, volume, r);
            case HealRequest.SourceBrick r -> ResolveSplitBrain.run(ctx, volume, r);
        };
    }
}
