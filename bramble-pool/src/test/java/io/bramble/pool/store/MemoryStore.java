package io.bramble.pool.store;

import io.bramble.pool.wire.MalformedFrameException;
import java.util.List;
import java.util.Optional;

/**
 * The pool store's state machine in memory, as one replica that is always the majority;
 * {@link #beforePut} runs before each change, as another member's change would land.
 */
public final class MemoryStore implements ClusterStore {
    private final StoreState state = new StoreState(false);
    /** Runs before the next change, once: another member's change landing first. */
    public Runnable beforePut = () -> {
    };
    /** Changes applied so far. */
    public int puts;

    @Override
    public synchronized <T> Optional<Versioned<T>> get(RecordType<T> type, String key) {
        return state.get(type.name(), key).map(e -> new Versioned<>(key, e.version(),
                decode(type, e.value())));
    }

    @Override
    public synchronized <T> List<Versioned<T>> list(RecordType<T> type) {
        return state.list(type.name()).stream().map(e -> new Versioned<>(e.getKey(),
                e.getValue().version(), decode(type, e.getValue().value()))).toList();
    }

    @Override
    public <T> Versioned<T> put(RecordType<T> type, String key, T value, long expected) {
        Runnable before = beforePut;
        beforePut = () -> {
        };
        before.run();
        synchronized (this) {
            puts++;
            StoreResult result = state.apply(new StoreCommand.Put(type.name(), key,
                    type.codec().encode(value), expected));
            return switch (result) {
                case StoreResult.Applied a -> new Versioned<>(key, a.version(), value);
                case StoreResult.Conflict c -> throw new StoreException(
                        StoreException.Reason.VERSION_CONFLICT, "version " + c.actual());
                case StoreResult.Refused r -> throw new StoreException(
                        StoreException.Reason.FAILED, r.why());
            };
        }
    }

    @Override
    public synchronized <T> void delete(RecordType<T> type, String key, long expected) {
        state.apply(new StoreCommand.Delete(type.name(), key, expected));
    }

    @Override
    public void catchUp() {
    }

    private static <T> T decode(RecordType<T> type, byte[] bytes) {
        try {
            return type.codec().decode(bytes);
        } catch (MalformedFrameException e) {
            throw new IllegalStateException(e);
        }
    }
}
