package io.bramble.fs.volume.command;

import io.bramble.fs.volume.create.BrickFolder;
import io.bramble.pool.wire.Message.CommandReply;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code volume brick-make HOST PATH}: makes a new volume's brick folder (and its parents)
 * on the brick's machine, as Gluster does, once every brick passed its checks.
 */
final class MakeBrickFolder implements VolumeVerb {
    static final String VERB = "brick-make";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 2 && args.get(1).startsWith("/"), "volume " + VERB
                + " HOST PATH");
        BrickFolder.make(Path.of(args.get(1))).ifPresent(why -> {
            throw VolumeFailure.failed("Failed to create brick directory for brick "
                    + args.get(0) + ":" + args.get(1) + ". Reason : " + why);
        });
        ctx.node.log().event("volume create: brick folder " + args.get(1) + " is ready");
        return Replies.ok("");
    }
}
