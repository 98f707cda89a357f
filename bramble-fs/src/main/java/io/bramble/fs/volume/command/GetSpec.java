package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.spec.BrickEndpoint;
import io.bramble.fs.volume.spec.ClientSpec;
import io.bramble.fs.volume.spec.ClientSpecText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume getspec NAME [record]}, for the mount client: the volume's definition and
 * where each brick is served now, as {@link ClientSpecText} writes it. With {@code record},
 * the definition only, each brick shown offline without a port: what a running mount polls to
 * see whether the volume changed, which asks no other member.
 */
final class GetSpec implements VolumeVerb {
    /** The word that asks for the definition only. */
    static final String RECORD = "record";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 1 || args.size() == 2 && args.get(1).equals(RECORD),
                "volume getspec <VOLNAME> [record]");
        String name = args.getFirst();
        VolumeSpec volume = ctx.find(name).orElseThrow(() -> VolumeFailure.failed(
                VolumeContext.notFound(name))).value();
        List<BrickEndpoint> endpoints = args.size() == 2
                ? volume.bricks().stream().map(b -> new BrickEndpoint(b, b.host(), 0, false))
                        .toList()
                : ctx.endpoints(volume);
        return Replies.ok(ClientSpecText.encode(new ClientSpec(volume, endpoints)));
    }
}
