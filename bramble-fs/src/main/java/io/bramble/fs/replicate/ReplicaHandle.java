package io.bramble.fs.replicate;

/**
 * One of replicate's handles: the copies' own handles for the file, which copies still have
 * one, and which took writes through it. A copy that misses a change through the handle
 * loses its place in it, as does one down at open: it is blamed for every later change
 * through the handle instead of taking some and missing others.
 */
final class ReplicaHandle {
    final OpenFile file;
    final int flags;
    private final long[] childHandles;
    private ChildSet open;
    private ChildSet wrote = ChildSet.NONE;

    ReplicaHandle(OpenFile file, int flags, long[] childHandles, ChildSet open) {
        this.file = file;
        this.flags = flags;
        this.childHandles = childHandles.clone();
        this.open = open;
    }

    long childHandle(int child) {
        return childHandles[child];
    }

    synchronized ChildSet open() {
        return open;
    }

    synchronized ChildSet wrote() {
        return wrote;
    }

    /** Keeps only {@code takers} (of a change through the handle); returns the copies dropped. */
    synchronized ChildSet keepOnly(ChildSet takers) {
        ChildSet dropped = open.minus(takers);
        open = open.intersect(takers);
        wrote = wrote.union(open);
        return dropped;
    }

    /** Drops a copy whose handle stopped working (it restarted). */
    synchronized void drop(int child) {
        open = open.without(child);
    }
}
