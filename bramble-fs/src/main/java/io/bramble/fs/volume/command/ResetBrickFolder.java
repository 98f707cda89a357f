package io.bramble.fs.volume.command;

import io.bramble.fs.brick.BrickSettings;
import io.bramble.fs.brick.LocalBrick;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.volume.create.BrickFolder;
import io.bramble.pool.wire.Message.CommandReply;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code volume brick-reset HOST PATH}, asked of the brick's member by the node that runs
 * {@code volume reset-brick ... commit} once the other copies are marked to heal it: makes the
 * folder (when missing) a brick again, as {@code volume create} makes a new one, and serves
 * it at once.
 */
final class ResetBrickFolder implements VolumeVerb {
    static final String VERB = "brick-reset";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 2 && args.get(1).startsWith("/"), "volume " + VERB
                + " HOST PATH");
        Path folder = Path.of(args.get(1));
        BrickFolder.make(folder).ifPresent(why -> {
            throw VolumeFailure.failed("cannot make the brick folder " + folder + ": " + why);
        });
        MakeBrickFolder.prepare(folder);
        ctx.node.log().event("volume reset-brick: brick folder " + folder + " is a brick again;"
                + " its copies heal it");
        ctx.service.reconcileSoon();
        return Replies.ok("");
    }
}
