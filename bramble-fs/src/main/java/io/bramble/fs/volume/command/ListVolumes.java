package io.bramble.fs.volume.command;

import io.bramble.fs.volume.text.VolumeListText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/** {@code volume list}: the names, from this node's copy of the store. */
final class ListVolumes implements VolumeVerb {
    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.isEmpty(), "volume list");
        return Replies.ok(VolumeListText.render(ctx.volumes()));
    }
}
