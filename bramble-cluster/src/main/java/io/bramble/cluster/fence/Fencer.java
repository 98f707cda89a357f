package io.bramble.cluster.fence;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Interval;
import io.bramble.cluster.model.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fences a node as Pacemaker's fencer does with one level of devices: tries each configured
 * fence device that can fence the node (its {@code pcmk_host_map} or {@code pcmk_host_list},
 * or any node without either), in the order configured, until one succeeds. Each try is
 * bounded by the device's {@code pcmk_ACTION_timeout}, else by the cluster's
 * {@code stonith-timeout} (60 s by default). Runs on the calling thread.
 */
public final class Fencer {

    private final FenceAgentRunner runner;

    /**
     * How fencing a node ended.
     *
     * @param node the node fenced
     * @param off whether a device reported it done
     * @param tries what each device tried said, one line each
     */
    public record Outcome(String node, boolean off, List<String> tries) {}

    public Fencer(FenceAgentRunner runner) {
        this.runner = runner;
    }

    /** Fences {@code node} with {@code action} ({@code reboot} or {@code off}). */
    public Outcome fence(Cluster cluster, String node, FenceAction action) {
        List<Primitive> devices = cluster.fenceDevices().stream()
                .filter(d -> FenceTarget.plugFor(d.instanceAttributes(), node).isPresent())
                .toList();
        List<String> tries = new ArrayList<>();
        if (devices.isEmpty()) {
            tries.add("no fence device can fence " + node
                    + " (none names it in its pcmk_host_map or pcmk_host_list)");
        }
        for (Primitive device : devices) {
            FenceResult result = runner.fence(device.agent().type(),
                    device.instanceAttributes(), action, Optional.of(node),
                    timeoutMs(device, action, cluster.properties().stonithTimeoutMs()));
            String said = result.output().strip().replace('\n', ' ');
            tries.add(device.id() + " (" + device.agent().type() + " " + action.word() + "): "
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

    private static long timeoutMs(Primitive device, FenceAction action, long clusterMs) {
        String text = device.instanceAttributes().get("pcmk_" + action.word() + "_timeout");
        if (text == null) {
            return clusterMs;
        }
        return Interval.parseMs(text).orElse(clusterMs);
    }
}
