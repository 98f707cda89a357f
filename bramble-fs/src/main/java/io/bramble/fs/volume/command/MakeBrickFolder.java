package io.bramble.fs.volume.command;

import io.bramble.fs.brick.BrickSettings;
import io.bramble.fs.brick.LocalBrick;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.volume.create.BrickFolder;
import io.bramble.pool.wire.Message.CommandReply;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code volume brick-make HOST PATH}: makes a new volume's brick folder (and its parents)
 * on the brick's machine, as Gluster does, once every brick passed its checks, and makes it
 * a brick ({@link #prepare}).
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
        prepare(Path.of(args.get(1)));
        ctx.node.log().event("volume create: brick folder " + args.get(1) + " is ready");
        return Replies.ok("");
    }

    /**
     * Makes {@code folder} a brick: gives its root the id a node requires before it serves a
     * folder ({@link LocalBrick#holdsBrick}), so that an empty folder made in place of a lost
     * one is never served as the volume's files.
     */
    static void prepare(Path folder) {
        try {
            LocalBrick.claim(folder, BrickSettings.defaults());
        } catch (FsException e) {
            throw VolumeFailure.failed("cannot make " + folder + " a brick: " + e.getMessage());
        }
    }
}
