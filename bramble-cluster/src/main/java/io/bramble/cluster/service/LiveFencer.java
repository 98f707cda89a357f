package io.bramble.cluster.service;

import io.bramble.cluster.fence.FenceAction;
import io.bramble.cluster.fence.FenceAgentRunner;
import io.bramble.cluster.fence.FenceResult;
import io.bramble.cluster.fence.FenceTarget;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Interval;
import io.bramble.cluster.model.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Fences a lost node for the coordinator, as Pacemaker's fencer does with one level of
 * devices: tries each configured fence device that can fence the node (its {@code
 * pcmk_host_map} or {@code pcmk_host_list}, or any node without either), in the order
 * configured, with the {@code reboot} action (Pacemaker's {@code stonith-action} default), until
 * one succeeds. Each try is bounded by the device's {@code pcmk_reboot_timeout}, else
 * {@value #TIMEOUT_MS_DEFAULT} ms ({@code stonith-timeout}'s default). Runs on a thread of its
 * own and hands the outcome back; a node already being fenced is not fenced twice at once.
 */
final class LiveFencer implements AutoCloseable {
    static final long TIMEOUT_MS_DEFAULT = 60_000;

    private final FenceAgentRunner runner;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("bramble-fence-", 0).factory());
    private final Set<String> underway = ConcurrentHashMap.newKeySet();

    /**
     * How fencing a node ended.
     *
     * @param node the node fenced
     * @param off whether a device reported it off
     * @param tries what each device tried said, one line each
     */
    record Outcome(String node, boolean off, List<String> tries) {}

    LiveFencer(FenceAgentRunner runner) {
        this.runner = runner;
    }

    /**
     * Fences {@code node} with the devices of {@code cluster}; {@code done} gets the outcome,
     * on the fencing thread. Nothing happens while the node is being fenced already.
     */
    void fence(Cluster cluster, String node, Consumer<Outcome> done) {
        List<Primitive> devices = cluster.fenceDevices().stream()
                .filter(d -> FenceTarget.plugFor(d.instanceAttributes(), node).isPresent())
                .toList();
        if (!underway.add(node)) {
            return;
        }
        threads.execute(() -> {
            try {
                done.accept(run(devices, node));
            } finally {
                underway.remove(node);
            }
        });
    }

    private Outcome run(List<Primitive> devices, String node) {
        List<String> tries = new ArrayList<>();
        if (devices.isEmpty()) {
            tries.add("no fence device can fence " + node
                    + " (none names it in its pcmk_host_map or pcmk_host_list)");
        }
        for (Primitive device : devices) {
            FenceResult result = runner.fence(device.agent().type(),
                    device.instanceAttributes(), FenceAction.REBOOT,
                    java.util.Optional.of(node), timeoutMs(device));
            String said = result.output().strip().replace('\n', ' ');
            tries.add(device.id() + " (" + device.agent().type() + " reboot): "
                    + (result.succeeded()
                            ? "done"
                            : result.timedOut()
                                    ? "timed out"
                                    : "failed")
                    + (said.isEmpty() ? "" : ": " + said));
            if (result.succeeded()) {
                return new Outcome(node, true, tries);
            }
        }
        return new Outcome(node, false, tries);
    }

    private static long timeoutMs(Primitive device) {
        String text = device.instanceAttributes().get("pcmk_reboot_timeout");
        if (text == null) {
            return TIMEOUT_MS_DEFAULT;
        }
        return Interval.parseMs(text).orElse(TIMEOUT_MS_DEFAULT);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
