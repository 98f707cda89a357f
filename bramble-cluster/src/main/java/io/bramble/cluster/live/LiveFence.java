package io.bramble.cluster.live;

import io.bramble.cluster.fence.FenceAction;
import io.bramble.cluster.fence.Fencer;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pcs stonith fence NODE [--off]} on the live cluster: the member asked fences the node
 * itself with the cluster's devices ({@link Fencer}: {@code reboot}, or {@code off} with
 * {@code --off}), as {@code stonith_admin} does for pcs, and prints pcs's {@code Node: NODE
 * fenced}. The pool then loses the node, and the coordinator fences it again (a device finds
 * it off) before its resources move. A member does not fence itself: the answer would never
 * come back.
 */
final class LiveFence {
    private final LiveCib cib;
    private final PoolHosts hosts;
    private final Optional<String> self;

    LiveFence(LiveCib cib, PoolHosts hosts, Optional<String> self) {
        this.cib = cib;
        this.hosts = hosts;
        this.self = self;
    }

    PcsResult run(List<String> args, Fencer fencer) {
        List<String> nodes = new ArrayList<>(args);
        boolean off = nodes.remove("--off");
        if (nodes.size() != 1 || nodes.getFirst().startsWith("-")) {
            throw new PcsException("Usage: pcs stonith fence <node> [--off]: give one node");
        }
        String node = nodes.getFirst();
        if (self.filter(node::equals).isPresent()) {
            throw new PcsException("unable to fence '" + node + "': it is the node this"
                    + " command runs on; run 'pcs stonith fence " + node + "' on another node");
        }
        Cluster cluster = LiveView.configuration(cib.read().toXml(), hosts.all(),
                hosts.online());
        Fencer.Outcome outcome = fencer.fence(cluster, node, off
                ? FenceAction.OFF
                : FenceAction.REBOOT);
        if (!outcome.off()) {
            throw new PcsException("unable to fence '" + node + "'\n" + String.join("\n",
                    outcome.tries()));
        }
        return new PcsResult(Optional.empty(), List.of("Node: " + node + " fenced"), List.of(),
                0);
    }
}
