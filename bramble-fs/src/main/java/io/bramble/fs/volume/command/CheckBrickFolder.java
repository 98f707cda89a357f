package io.bramble.fs.volume.command;

import io.bramble.fs.volume.create.BrickFolder;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code volume brick-check HOST PATH [force]}, asked by the node that runs a create of the
 * member that will hold the brick: Gluster's checks of the folder, on the folder's machine.
 * Changes nothing.
 */
final class CheckBrickFolder implements VolumeVerb {
    static final String VERB = "brick-check";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage((args.size() == 2 || (args.size() == 3 && args.get(2).equals("force")))
                && args.get(1).startsWith("/"), "volume " + VERB + " HOST PATH [force]");
        String shown = args.get(0) + ":" + args.get(1);
        try {
            BrickFolder.judge(shown, args.get(1), BrickFolder.look(Path.of(args.get(1))),
                    args.size() == 3).ifPresent(why -> {
                        throw VolumeFailure.failed(why);
                    });
        } catch (IOException e) {
            throw VolumeFailure.failed("Failed to create brick directory for brick " + shown
                    + ". Reason : " + e.getMessage());
        }
        return Replies.ok("");
    }
}
