package io.bramble.cluster.live;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.store.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pcs resource refresh|cleanup [RESOURCE] [node=NODE]} on the live cluster: the request
 * goes to the store ({@link RefreshRecord}), and the coordinator forgets the resource's
 * failures and probes it again on every node (or NODE), as Pacemaker's controller does when
 * crm_resource has cleaned the resource's history. Both words do the same in bramble, which
 * keeps no operation history beyond the last result and the fail counts.
 */
final class LiveRefresh {
    private final LiveCib cib;
    private final PoolHosts hosts;

    LiveRefresh(LiveCib cib, PoolHosts hosts) {
        this.cib = cib;
        this.hosts = hosts;
    }

    PcsResult run(List<String> words) {
        Optional<String> resource = Optional.empty();
        Optional<String> node = Optional.empty();
        for (String word : words) {
            if (word.startsWith("node=")) {
                node = Optional.of(word.substring("node=".length()));
            } else if (word.equals("--force")) {
                continue;
            } else if (word.startsWith("-") || word.contains("=") || resource.isPresent()) {
                throw new PcsException("'" + word + "' is not supported by bramble; usage: pcs"
                        + " resource refresh|cleanup [RESOURCE] [node=NODE]");
            } else {
                resource = Optional.of(word);
            }
        }
        Cluster cluster = LiveView.configuration(cib.read().toXml(), hosts.all(), hosts
                .online());
        String id = resource.orElse("");
        if (resource.isPresent() && cluster.resource(id).isEmpty()) {
            throw new PcsException("Resource '" + id + "' not found");
        }
        if (node.isPresent() && cluster.node(node.get()).isEmpty()) {
            throw new PcsException("Node '" + node.get() + "' does not appear to exist in"
                    + " configuration");
        }
        request(new RefreshRecord(0, resource, node));
        List<String> out = new ArrayList<>();
        List<String> names = resource.map(List::of).orElseGet(() -> cluster.primitives().stream()
                .map(p -> p.id()).toList());
        for (String name : names) {
            for (Node n : cluster.nodes()) {
                if (node.map(n.name()::equals).orElse(true)) {
                    out.add("Cleaned up " + name + " on " + n.name());
                }
            }
        }
        return new PcsResult(Optional.empty(), out, List.of(), 0);
    }

    /** Writes {@code request} with the next sequence number, on the version read. */
    private void request(RefreshRecord request) {
        ClusterStore store = cib.store();
        for (int attempt = 1;; attempt++) {
            Optional<Versioned<RefreshRecord>> last = store.get(RefreshRecord.TYPE,
                    RefreshRecord.KEY);
            long seq = last.map(v -> v.value().seq()).orElse(0L) + 1;
            try {
                store.put(RefreshRecord.TYPE, RefreshRecord.KEY, new RefreshRecord(seq, request
                        .resource(), request.node()), last.map(Versioned::version).orElse(
                                ClusterStore.NEW));
                return;
            } catch (StoreException e) {
                if (e.reason() != StoreException.Reason.VERSION_CONFLICT
                        || attempt == LiveCib.ATTEMPTS_MAX) {
                    throw new PcsException("the refresh was not asked for: " + e.getMessage());
                }
            }
        }
    }
}
