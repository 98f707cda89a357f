package io.bramble.cluster.service;

import io.bramble.cluster.fence.FenceAction;
import io.bramble.cluster.fence.Fencer;
import io.bramble.cluster.model.Cluster;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Fences a lost node for the coordinator with {@link Fencer} and the cluster's
 * {@code stonith-action} ({@code reboot} by default), on a thread of its own, and hands the outcome
 * back; a node already being fenced is not fenced twice at once.
 */
final class LiveFencer implements AutoCloseable {
    private final Fencer fencer;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("bramble-fence-", 0).factory());
    private final Set<String> underway = ConcurrentHashMap.newKeySet();

    LiveFencer(Fencer fencer) {
        this.fencer = fencer;
    }

    /**
     * Fences {@code node} with the devices of {@code cluster}; {@code done} gets the outcome,
     * on the fencing thread. Nothing happens while the node is being fenced already.
     */
    void fence(Cluster cluster, String node, Consumer<Fencer.Outcome> done) {
        if (!underway.add(node)) {
            return;
        }
        threads.execute(() -> {
            try {
                done.accept(fencer.fence(cluster, node, cluster.properties().stonithAction()
                        .equals("off") ? FenceAction.OFF : FenceAction.REBOOT));
            } finally {
                underway.remove(node);
            }
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
