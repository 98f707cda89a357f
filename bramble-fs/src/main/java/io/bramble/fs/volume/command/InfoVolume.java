package io.bramble.fs.volume.command;

import io.bramble.fs.volume.text.VolumeInfoText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/** {@code volume info [NAME|all]}, from this node's copy of the store. */
final class InfoVolume implements VolumeVerb {
    static final String NO_VOLUMES = "No volumes present\n";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() <= 1, "volume info [all|<VOLNAME>]");
        if (args.isEmpty() || args.getFirst().equals("all")) {
            var volumes = ctx.volumes();
            return Replies.ok(volumes.isEmpty() ? NO_VOLUMES : VolumeInfoText.render(volumes));
        }
        String name = args.getFirst();
        var volume = ctx.find(name).orElseThrow(() -> VolumeFailure.failed(VolumeContext
                .notFound(name)));
        return Replies.ok(VolumeInfoText.render(List.of(volume.value())));
    }
}
