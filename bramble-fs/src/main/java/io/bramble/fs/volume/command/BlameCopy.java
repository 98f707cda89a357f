package io.bramble.fs.volume.command;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.PendingCounters;
import io.bramble.fs.volume.Brick;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume brick-blame HOST PATH COPY}, asked by the node that runs {@code volume
 * reset-brick ... commit} of the members holding the other copies of the reset brick's set:
 * marks the root of the brick served here as holding names, data and attributes that copy
 * {@code COPY} of the set lacks, so that its heal worker makes every file on that copy again,
 * folder by folder, and clients read this copy meanwhile. Starts a heal pass at once.
 */
final class BlameCopy implements VolumeVerb {
    static final String VERB = "brick-blame";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 3 && args.get(1).startsWith("/") && args.get(2).matches(
                "[0-9]{1,2}"), "volume " + VERB + " HOST PATH COPY");
        Brick brick = new Brick(args.get(0), args.get(1), ctx.node.id());
        FileOps served = ctx.service.bricks().served(brick).orElseThrow(() -> VolumeFailure
                .failed("brick " + brick.shown() + " is not served here"));
        try {
            served.setxattr(Caller.ROOT, FsPath.ROOT, PendingCounters.name(Integer.parseInt(args
                    .get(2))), new PendingCounters(1, 1, 1).encode(), 0);
        } catch (FsException e) {
            throw VolumeFailure.failed("cannot mark the root of " + brick.shown() + ": " + e
                    .getMessage());
        }
        ctx.node.log().event("volume: brick " + brick.shown() + " marked to heal copy " + args
                .get(2) + " of its set from, which is reset");
        ctx.service.volumes().stream().filter(v -> v.bricks().contains(brick))
                .forEach(v -> ctx.service.heal().healSoon(v.name(), false));
        return Replies.ok("");
    }
}
