package io.bramble.fs.volume.command;

import io.bramble.pool.store.Versioned;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume record-version NAME}: the version of the volume's record in this node's copy
 * of the store (0 when it has none), asked by a member that changed it and waits until the
 * others have the change.
 */
final class RecordVersion implements VolumeVerb {
    static final String VERB = "record-version";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 1, "volume " + VERB + " <VOLNAME>");
        return Replies.ok(ctx.find(args.getFirst()).map(Versioned::version).orElse(0L) + "\n");
    }
}
