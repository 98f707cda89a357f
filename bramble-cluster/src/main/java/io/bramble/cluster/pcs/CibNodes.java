package io.bramble.cluster.pcs;

import java.util.List;

/**
 * The nodes section of a live cluster's CIB: Pacemaker adds a {@code node} entry for each node
 * that joins, which {@code pcs node standby} then finds. bramble's nodes have no Corosync ids,
 * so a node's id is its name.
 */
public final class CibNodes {
    private CibNodes() {
    }

    /** A copy of {@code cib} with a {@code node} entry for each name it lacks, in order. */
    public static CibElement withNodes(CibElement cib, List<String> names) {
        CibElement copy = cib.copy();
        CibElement nodes = copy.childOrAppend("configuration").childOrAppend("nodes");
        for (String name : names) {
            boolean known = nodes.children("node").stream()
                    .anyMatch(n -> n.attribute("uname").filter(name::equals).isPresent());
            if (!known) {
                nodes.append(new CibElement("node", "id", name, "uname", name));
            }
        }
        return copy;
    }
}
