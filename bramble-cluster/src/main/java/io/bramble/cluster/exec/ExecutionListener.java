package io.bramble.cluster.exec;

/**
 * Told each result, from the executor's worker threads, in the order each resource's actions
 * ran. Keep it short: hand the event to the cluster loop's queue.
 */
@FunctionalInterface
public interface ExecutionListener {
    void onResult(ExecutionEvent event);
}
