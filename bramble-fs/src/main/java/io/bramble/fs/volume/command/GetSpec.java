package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.spec.ClientSpec;
import io.bramble.fs.volume.spec.ClientSpecText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume getspec NAME}, for the mount client: the volume's definition and where each
 * brick is served now, as {@link ClientSpecText} writes it.
 */
final class GetSpec implements VolumeVerb {
    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 1, "volume getspec <VOLNAME>");
        String name = args.getFirst();
        VolumeSpec volume = ctx.find(name).orElseThrow(() -> VolumeFailure.failed(
                VolumeContext.notFound(name))).value();
        return Replies.ok(ClientSpecText.encode(new ClientSpec(volume, ctx.endpoints(volume))));
    }
}
