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
 * prints the copy recorded, or {@code none}, from a copy of the store made current first
 * ({@link ClusterStore#catchUp}). Needs the pool's majority either way.
 *
 * <p>Recording a copy that is recorded already still changes the record (its version moves
 * on), through the majority: the answer is then certain to be current, not a lagging copy of
 * the store, and self-heal, which takes a record back only if its version stood still for a
 * while ({@link io.bramble.fs.volume.StaleCopies#RELEASE_WAIT_MS}), never takes back a record
 * a client has just relied on.
 */
final class StaleCopy implements VolumeVerb {
    /** How long a record another client made is waited for in this member's copy. */
    private static final long CATCH_UP_MS = 2_000;
    private static final long CATCH_UP_EVERY_MS = 20;
    /** Changes made meanwhile by others that one record may meet before it gives up. */
    private static final int ATTEMPTS_MAX = 4;

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage((args.size() == 2 || args.size() == 3) && args.get(1).matches("[0-9]{1,4}")
                && (args.size() == 2 || args.get(2).matches("[0-9]")),
                "volume stale-copy <VOLNAME> <SET> [<COPY>]");
        String name = args.getFirst();
        ctx.require("volume stale-copy", name);
        String key = StaleCopies.key(name, Integer.parseInt(args.get(1)));
        ClusterStore store = ctx.store("volume stale-copy");
        if (args.size() == 2) {
            // A copy of the store that lags could vouch for a copy the majority recorded stale
            // meanwhile: the answer comes from a copy made current first, or not at all.
            try {
                store.catchUp();
            } catch (StoreException e) {
                throw VolumeFailure.failed("volume stale-copy", "cannot say which copy is stale:"
                        + " " + e.getMessage());
            }
        }
        Optional<Versioned<Integer>> recorded = store.get(StaleCopies.TYPE, key);
        if (args.size() == 2) {
            return Replies.ok(recorded.map(r -> r.value().toString()).orElse("none") + "\n");
        }
        int copy = Integer.parseInt(args.get(2));
        String failure = "";
        for (int attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
            if (recorded.isPresent() && recorded.get().value() != copy) {
                throw VolumeFailure.failed("volume stale-copy", "copy " + recorded.get().value()
                        + " of set " + args.get(1) + " " + StaleCopies.OTHER_RECORDED
                        + ": copy " + copy + " may not take changes alone");
            }
            long version = recorded.map(Versioned::version).orElse(ClusterStore.NEW);
            try {
                store.put(StaleCopies.TYPE, key, copy, version);
                return Replies.ok(copy + "\n");
            } catch (StoreException e) {
                if (e.reason() != StoreException.Reason.VERSION_CONFLICT) {
                    throw VolumeFailure.failed("volume stale-copy", e.getMessage());
                }
                failure = e.getMessage();
            }
            // Changed meanwhile (by another client, by self-heal, or before this member's
            // copy of the store caught up): read what counts once this copy moved on.
            Optional<Versioned<Integer>> seen = recorded;
            recorded = ctx.poll(() -> store.get(StaleCopies.TYPE, key), now -> !now.equals(seen),
                    CATCH_UP_MS, CATCH_UP_EVERY_MS);
        }
        throw VolumeFailure.failed("volume stale-copy", "the stale record of set " + args.get(1)
                + " kept changing while it was made and this member's copy of the store did not"
                + " catch up (" + failure + "); ask another member, or again");
    }
}
