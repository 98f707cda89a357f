package io.bramble.fs.volume.command;

import io.bramble.fs.volume.StaleCopies;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.store.Versioned;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.Optional;

/**
 * {@code volume stale-copy NAME SET [COPY]}, for mount clients: with COPY, records that copy
 * COPY of replica set SET misses changes the other copy takes alone (refused when the other
 * copy is the one recorded: two clients on two sides of a cut must not both write); without,
 * prints the copy recorded, or {@code none}. Needs the pool's majority to record.
 */
final class StaleCopy implements VolumeVerb {
    /** How long a record another client made is waited for in this member's copy. */
    private static final long CATCH_UP_MS = 2_000;
    private static final long CATCH_UP_EVERY_MS = 20;

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage((args.size() == 2 || args.size() == 3) && args.get(1).matches("[0-9]{1,4}")
                && (args.size() == 2 || args.get(2).matches("[0-9]")),
                "volume stale-copy <VOLNAME> <SET> [<COPY>]");
        String name = args.getFirst();
        ctx.require("volume stale-copy", name);
        String key = StaleCopies.key(name, Integer.parseInt(args.get(1)));
        ClusterStore store = ctx.store("volume stale-copy");
        Optional<Versioned<Integer>> recorded = store.get(StaleCopies.TYPE, key);
        if (args.size() == 2) {
            return Replies.ok(recorded.map(r -> r.value().toString()).orElse("none") + "\n");
        }
        int copy = Integer.parseInt(args.get(2));
        if (recorded.isEmpty()) {
            try {
                store.put(StaleCopies.TYPE, key, copy, ClusterStore.NEW);
                return Replies.ok(copy + "\n");
            } catch (StoreException e) {
                if (e.reason() != StoreException.Reason.VERSION_CONFLICT) {
                    throw VolumeFailure.failed("volume stale-copy", e.getMessage());
                }
                // Recorded meanwhile, by another client or before this member's copy of the
                // store caught up: what counts is that record.
                recorded = ctx.poll(() -> store.get(StaleCopies.TYPE, key), Optional::isPresent,
                        CATCH_UP_MS, CATCH_UP_EVERY_MS);
                if (recorded.isEmpty()) {
                    throw VolumeFailure.failed("volume stale-copy", "the stale record of set "
                            + args.get(1) + " changed while it was made and this member's copy"
                            + " of the store has not caught up within " + CATCH_UP_MS / 1000
                            + " s (" + e.getMessage() + "); ask another member, or again");
                }
            }
        }
        if (recorded.get().value() != copy) {
            throw VolumeFailure.failed("volume stale-copy", "copy " + recorded.get().value()
                    + " of set " + args.get(1) + " " + StaleCopies.OTHER_RECORDED + ": copy " + copy
                    + " may not take changes alone");
        }
        return Replies.ok(copy + "\n");
    }
}
