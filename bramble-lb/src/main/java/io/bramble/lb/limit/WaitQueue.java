package io.bramble.lb.limit;

import io.bramble.common.check.Checks;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Requests waiting for a server slot of one backend, first come first served, as HAProxy's
 * backend queue: when every usable server is at its {@code maxconn}, a request waits here
 * until a connection ends or {@code timeout queue} expires. Bounded; thread-safe. The caller
 * supplies what a waiter does when woken (retry on its own event loop).
 *
 * @param <T> the waiter
 */
public final class WaitQueue<T> {
    /** Requests waiting in one backend; beyond, a request is refused at once (503). */
    public static final int LENGTH_MAX = 10_000;

    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private final int lengthMax;
    private int lengthPeak;

    public WaitQueue() {
        this(LENGTH_MAX);
    }

    WaitQueue(int lengthMax) {
        Checks.argument(lengthMax >= 1, "a queue holds at least one waiter");
        this.lengthMax = lengthMax;
    }

    /** Adds a waiter at the end; false when the queue is full. */
    public synchronized boolean add(T waiter) {
        if (waiting.size() >= lengthMax) {
            return false;
        }
        waiting.addLast(waiter);
        lengthPeak = Math.max(lengthPeak, waiting.size());
        return true;
    }

    /**
     * Puts back at the front a waiter that was woken but found no slot (another request took
     * it first), so it keeps its turn.
     */
    public synchronized void putBack(T waiter) {
        waiting.addFirst(waiter);
        lengthPeak = Math.max(lengthPeak, waiting.size());
    }

    /** The next waiter, removed; null when none waits. */
    public synchronized T next() {
        return waiting.pollFirst();
    }

    /** Removes a waiter that gave up (timeout, client gone); false when it was not there. */
    public synchronized boolean remove(T waiter) {
        for (Iterator<T> it = waiting.iterator(); it.hasNext();) {
            if (it.next() == waiter) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    public synchronized int length() {
        return waiting.size();
    }

    /** The longest the queue has been (HAProxy's qmax). */
    public synchronized int lengthPeak() {
        return lengthPeak;
    }
}
