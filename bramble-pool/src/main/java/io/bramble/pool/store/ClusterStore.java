package io.bramble.pool.store;

import java.util.List;
import java.util.Optional;

/**
 * The pool's replicated store of typed, versioned records. Reads answer from this node's copy
 * (which may lag the majority by a moment); changes are committed by a majority of the voters
 * before they return, or fail at once with a {@link StoreException} saying why.
 *
 * <p>Versions make changes safe under concurrency: pass the version read ({@link #NEW} to
 * create, {@link #ANY} to overwrite blindly) and a change made meanwhile by another node fails
 * with {@link StoreException.Reason#VERSION_CONFLICT} instead of being lost.
 */
public interface ClusterStore {
    /** Expected version for a record that must not exist yet. */
    long NEW = 0;
    /** Expected version that matches any (no check). */
    long ANY = -1;

    <T> Optional<Versioned<T>> get(RecordType<T> type, String key);

    /** Every record of {@code type}, by key. */
    <T> List<Versioned<T>> list(RecordType<T> type);

    /** Creates or replaces a record; returns it with its new version. */
    <T> Versioned<T> put(RecordType<T> type, String key, T value, long expectedVersion);

    /** Removes a record; removing one that does not exist with {@link #ANY} is no change. */
    <T> void delete(RecordType<T> type, String key, long expectedVersion);

    /**
     * Returns once this node's copy holds every change committed before the call, so that the
     * reads that follow are current (a copy can otherwise lag the majority, for a long moment
     * after this node restarted). Costs one round through the majority; fails like a change
     * when the majority does not answer.
     */
    void catchUp();
}
