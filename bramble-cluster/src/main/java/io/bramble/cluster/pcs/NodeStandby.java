package io.bramble.cluster.pcs;

import java.util.List;

/**
 * {@code pcs node standby|unstandby NODE…|--all}: the node's {@code standby} attribute, which
 * pcs sets only on nodes the CIB already has.
 */
final class NodeStandby {
    private NodeStandby() {
    }

    static void standby(Edit edit, List<String> words) {
        apply(edit, words, "on");
    }

    static void unstandby(Edit edit, List<String> words) {
        apply(edit, words, "");
    }

    private static void apply(Edit edit, List<String> words, String value) {
        List<CibElement> nodes = edit.section("nodes").children("node");
        List<CibElement> chosen;
        if (edit.options.has("--all")) {
            chosen = nodes;
        } else if (words.isEmpty()) {
            throw new PcsException("the live cluster's local node is not available; name the "
                    + "node or use --all");
        } else {
            chosen = words.stream().map(name -> nodes.stream()
                    .filter(n -> n.get("uname").equals(name)).findFirst()
                    .orElseThrow(() -> new PcsException("Node '" + name
                            + "' does not appear to exist in configuration")))
                    .toList();
        }
        for (CibElement node : chosen) {
            CibElement set = NameValueSets.setOf(edit, node, "instance_attributes",
                    "nodes-" + node.get("id"));
            NameValueSets.put(edit, set, "standby", value);
        }
    }
}
