package io.bramble.fs.volume.command;

import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume heal-start NAME [full]}, asked of each member holding bricks of the volume by
 * the node that runs {@code volume heal NAME [full]}, and of the members holding the other
 * copies of a brick by the node that serves it again: starts the member's heal pass now.
 */
final class StartHeal implements VolumeVerb {
    static final String VERB = io.bramble.fs.volume.heal.HealService.START_VERB;

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        boolean full = args.size() == 2 && args.get(1).equals("full");
        Replies.usage(args.size() == 1 || full, "volume " + VERB + " NAME [full]");
        ctx.service.heal().healSoon(args.getFirst(), full);
        return Replies.ok("");
    }
}
