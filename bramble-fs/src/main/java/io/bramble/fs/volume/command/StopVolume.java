package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeStatus;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume stop NAME [force]}: records the volume {@code Stopped}; its members stop
 * serving its bricks. The question Gluster asks first is asked by the CLI.
 */
final class StopVolume implements VolumeVerb {
    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 1 || (args.size() == 2 && args.get(1).equals("force")),
                "volume stop <VOLNAME> [force]");
        String name = args.getFirst();
        String prefix = "volume stop: " + name;
        ctx.require(prefix, name);
        ctx.update(prefix, name, v -> {
            if (v.status() != VolumeStatus.STARTED) {
                throw VolumeFailure.failed(prefix, "Volume " + name
                        + " is not in the started state");
            }
            return v.withStatus(VolumeStatus.STOPPED);
        });
        ctx.service.reconcileSoon();
        return Replies.ok(prefix + ": success\n");
    }
}
