package io.bramble.fs.volume.command;

import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume await-record NAME VERSION}, asked by a member that just changed the volume:
 * waits, at most {@link VolumeContext#CATCH_UP_MS}, until this node's copy of the store has
 * that version of it (0: has it no more), and answers the version it has.
 */
final class AwaitRecord implements VolumeVerb {
    static final String VERB = "await-record";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 2 && args.get(1).matches("[0-9]{1,18}"), "volume " + VERB
                + " <VOLNAME> <VERSION>");
        return Replies.ok(ctx.awaitHere(args.getFirst(), Long.parseLong(args.get(1))) + "\n");
    }
}
