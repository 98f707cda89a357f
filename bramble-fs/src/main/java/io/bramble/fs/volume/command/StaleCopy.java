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
        if (recorded.isPresent()) {
            if (recorded.get().value() == copy) {
                return Replies.ok(copy + "\n");
            }
            throw VolumeFailure.failed("volume stale-copy", "copy " + recorded.get().value()
                    + " of set " + args.get(1) + " is recorded as stale already: copy " + copy
                    + " may not take changes alone");
        }
        try {
            store.put(StaleCopies.TYPE, key, copy, ClusterStore.NEW);
        } catch (StoreException e) {
            throw VolumeFailure.failed("volume stale-copy", e.getMessage());
        }
        return Replies.ok(copy + "\n");
    }
}
