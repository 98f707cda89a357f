package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.text.HealInfoText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume heal NAME info|info summary|statistics heal-count}: what each brick's index of
 * marked files holds, the files another copy of its set still needs, asked of the brick's
 * member. {@code volume heal NAME [full]} starts a heal pass on every member holding bricks
 * of the volume now, rather than at its next pass.
 */
final class HealVolume implements VolumeVerb {
    static final String USAGE = "volume heal <VOLNAME> [full | info [summary] | statistics"
            + " heal-count]";

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

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(!args.isEmpty() && args.size() <= 3, USAGE);
        String name = args.getFirst();
        List<String> what = args.subList(1, args.size());
        VolumeSpec volume = ctx.find(name).orElseThrow(() -> VolumeFailure.failed(
                VolumeContext.notFound(name))).value();
        if (volume.replicaCount() < 2) {
            throw VolumeFailure.failed("Volume " + name + " is not of type replicate");
        }
        if (volume.status() != VolumeStatus.STARTED) {
            throw VolumeFailure.failed("Volume " + name + " is not started.");
        }
        String words = String.join(" ", what);
        return switch (words) {
            case "info" -> Replies.ok(HealInfoText.info(ctx.pendingReports(volume)));
            case "info summary" -> Replies.ok(HealInfoText.summary(ctx.pendingReports(volume)));
            case "statistics heal-count" -> Replies.ok(HealInfoText.healCount(name, ctx
                    .pendingReports(volume)));
            case "", "full" -> start(ctx, volume, !words.isEmpty());
            default -> throw VolumeFailure.usage("volume heal: '" + words + "' is not"
                    + " supported by bramble yet; it takes " + USAGE);
        };
    }
}
