package io.bramble.cluster.model;

import io.bramble.common.check.Checks;

/**
 * A cluster node as the scheduler sees it.
 *
 * @param id the node's id in the cluster (Corosync's node id, as the CIB writes it)
 * @param name the node's name ({@code uname}), which constraints and status refer to
 * @param online whether the node is a member of this partition and its cluster daemon runs
 * @param standby whether the node is in standby: it keeps no resources
 */
public record Node(String id, String name, boolean online, boolean standby) {
    public Node {
        Checks.argument(id != null && !id.isBlank(), "a node needs an id");
        Checks.argument(name != null && !name.isBlank(), "a node needs a name");
    }

    /** Whether resources may run here: online and not in standby. */
    public boolean canRunResources() {
        return online && !standby;
    }
}
