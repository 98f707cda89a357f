package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.text.HealInfoText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume heal NAME info|info summary|statistics heal-count}: what each brick's index of
 * marked files holds, the files another copy of its set still needs, asked of the brick's
 * member. {@code volume heal NAME [full]}, which would start a heal, is refused as not there
 * yet: the marks stay, and these commands show them.
 */
final class HealVolume implements VolumeVerb {
    static final String USAGE = "volume heal <VOLNAME> [full | info [summary] | statistics"
            + " heal-count]";

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
            case "", "full" -> throw VolumeFailure.failed("Launching heal operation to perform "
                    + (words.isEmpty() ? "index" : "full") + " self heal on volume " + name
                    + " has been unsuccessful: self-heal is not supported by bramble yet. The"
                    + " copies that missed changes stay marked and are never read in place of"
                    + " a fresh one; 'volume heal " + name + " info' lists them.");
            default -> throw VolumeFailure.usage("volume heal: '" + words + "' is not"
                    + " supported by bramble yet; it takes " + USAGE);
        };
    }
}
