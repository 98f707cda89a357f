package io.bramble.cluster.live;

import io.bramble.cluster.cib.CibReader;
import io.bramble.cluster.coordinate.RecordedStatus;
import io.bramble.cluster.coordinate.ResourceState;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.Node;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live cluster as the scheduler and {@code pcs status} see it: the CIB's configuration with
 * the pool's members that are not witnesses as its nodes (a node of the CIB keeps its standby),
 * and what the coordinator recorded as its status. Pure.
 */
public final class LiveView {
    /** How the store's CIB is named in messages about it. */
    public static final String NAME = "the pool's CIB";

    private LiveView() {
    }

    /**
     * The configuration the coordinator works on.
     *
     * @param cibXml the CIB as stored
     * @param members the pool's members that run resources, by host name, in join order
     * @param online those of them that are in the majority now
     */
    public static Cluster configuration(String cibXml, List<String> members,
            Set<String> online) {
        Cluster cib = CibReader.read(NAME, cibXml.getBytes(StandardCharsets.UTF_8));
        Map<String, Node> known = new LinkedHashMap<>();
        cib.nodes().forEach(n -> known.put(n.name(), n));
        List<Node> nodes = members.stream().map(name -> new Node(
                Optional.ofNullable(known.get(name)).map(Node::id).orElse(name), name,
                online.contains(name), Optional.ofNullable(known.get(name))
                        .map(Node::standby).orElse(false)))
                .toList();
        return new Cluster(cib.properties(), nodes, cib.resources(), cib.constraints(),
                cib.defaults(), cib.status());
    }

    /**
     * The configuration from the stored CIB, {@code cibXml}, over the pool's members as
     * {@code hosts} gives them; the empty CIB while the pool has none.
     */
    public static Cluster configuration(java.util.Optional<String> cibXml, PoolHosts hosts) {
        return configuration(cibXml.orElseGet(() -> io.bramble.cluster.pcs.CibElement.empty()
                .toXml()), hosts.all(), hosts.online());
    }

    /** {@code configuration} with what runs where as the coordinator recorded it. */
    public static Cluster withStatus(Cluster configuration, RecordedStatus recorded,
            boolean quorate) {
        Map<String, String> running = new LinkedHashMap<>();
        recorded.states().forEach((resource, byNode) -> byNode.forEach((node, state) -> {
            if (state == ResourceState.ACTIVE) {
                running.putIfAbsent(resource, node);
            }
        }));
        return new Cluster(configuration.properties(), configuration.nodes(),
                configuration.resources(), configuration.constraints(),
                configuration.defaults(), new ClusterStatus(quorate, running,
                        recorded.failCounts(), recorded.failedActions()));
    }
}
