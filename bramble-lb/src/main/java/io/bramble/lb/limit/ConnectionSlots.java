package io.bramble.lb.limit;

import io.bramble.common.check.Checks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The process-wide count of client connections against {@code global maxconn}. Every
 * frontend's accept gate takes a slot per accepted connection and listens for the moments the
 * process becomes full or has room again, to pause or resume its listeners: further clients
 * wait in the kernel's backlog, as with HAProxy. Thread-safe.
 */
public final class ConnectionSlots {
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private int max;
    private int open;

    /** @param max connections allowed at once, at least 1 */
    public ConnectionSlots(int max) {
        Checks.argument(max >= 1, "maxconn must be at least 1");
        this.max = max;
    }

    /** Counts an accepted connection; watchers hear of it when the process became full. */
    public void take() {
        boolean becameFull;
        synchronized (this) {
            open++;
            becameFull = open == max;
        }
        if (becameFull) {
            notifyWatchers();
        }
    }

    /** A connection counted by {@link #take} closed. */
    public void release() {
        boolean roomAgain;
        synchronized (this) {
            Checks.invariant(open > 0, "released more connections than taken");
            roomAgain = open == max;
            open--;
        }
        if (roomAgain) {
            notifyWatchers();
        }
    }

    /** A new limit after a reload; applies to the next accepts. */
    public void setMax(int value) {
        Checks.argument(value >= 1, "maxconn must be at least 1");
        synchronized (this) {
            max = value;
        }
        notifyWatchers();
    }

    public synchronized boolean full() {
        return open >= max;
    }

    public synchronized int open() {
        return open;
    }

    /** Runs {@code watcher} whenever {@link #full} may have changed. */
    public void watch(Runnable watcher) {
        watchers.add(watcher);
    }

    public void unwatch(Runnable watcher) {
        watchers.remove(watcher);
    }

    private void notifyWatchers() {
        watchers.forEach(Runnable::run);
    }
}
