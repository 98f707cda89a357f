package io.bramble.pool.events;

/**
 * A subscriber to the pool: the file system, the resource manager and the compute supervisor
 * implement it. Calls come from one thread, in the order the changes happened; a listener
 * must return quickly and never block (hand long work to a thread of its own).
 */
@FunctionalInterface
public interface PoolListener {
    void onEvent(PoolEvent event);
}
