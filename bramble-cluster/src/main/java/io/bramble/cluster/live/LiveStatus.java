package io.bramble.cluster.live;

import io.bramble.cluster.cib.CibHeader;
import io.bramble.cluster.coordinate.RecordedStatus;
import io.bramble.cluster.coordinate.ResourceState;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.PcsStatus;
import io.bramble.pool.store.Versioned;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code pcs status} prints for the live cluster: the CIB's configuration with the pool's
 * members as nodes, and what runs where as the coordinator recorded it.
 */
public final class LiveStatus {
    /** What {@code Stack:} shows: the pool, where Pacemaker shows corosync. */
    static final String STACK = "bramble";

    private LiveStatus() {
    }

    /** {@code pcs status nodes} of the live cluster. */
    public static String nodes(LiveCib cib, PoolHosts hosts) {
        Cluster configuration = LiveView.configuration(cib.read().toXml(), hosts.all(),
                hosts.online());
        return PcsStatus.nodes(LiveView.withStatus(configuration, recorded(cib), true));
    }

    /** What the coordinators recorded of the resources' states and failures. */
    private static RecordedStatus recorded(LiveCib cib) {
        return cib.store().get(StatusRecord.TYPE, StatusRecord.KEY).map(Versioned::value)
                .orElse(RecordedStatus.none());
    }

    public static String render(LiveCib cib, PoolHosts hosts, Instant now, ZoneId zone) {
        return render(cib, hosts, now, zone, false);
    }

    /** With {@code full}, {@code pcs status --full}'s text. */
    public static String render(LiveCib cib, PoolHosts hosts, Instant now, ZoneId zone,
            boolean full) {
        CibElement element = cib.read();
        String xml = element.toXml();
        RecordedStatus recorded = recorded(cib);
        Cluster configuration = LiveView.configuration(xml, hosts.all(), hosts.online());
        CibHeader stored = CibHeader.read(LiveView.NAME, xml.getBytes(StandardCharsets.UTF_8));
        // The coordinator is the DC, shown while the asked member reaches it.
        Optional<String> dc = cib.store().get(CoordinatorRecord.TYPE, CoordinatorRecord.KEY)
                .flatMap(v -> hosts.names().apply(v.value().member()))
                .filter(hosts.online()::contains)
                .flatMap(name -> configuration.nodes().stream()
                        .filter(n -> n.name().equals(name)).map(Node::id).findFirst());
        CibHeader header = new CibHeader(stored.clusterName(), Optional.of(STACK),
                stored.dcVersion(), dc, stored.lastWritten(), stored.updateUser(),
                stored.updateClient(), stored.updateOrigin());
        // read() caught up with the pool's majority, which a member without quorum cannot
        return PcsStatus.render(LiveView.withStatus(configuration, recorded, true), header,
                now, zone, unclean(configuration, recorded), full);
    }

    /**
     * The offline nodes the coordinator has not yet found clean, with fencing enabled: some
     * resource's recorded state there is other than stopped (it is set to stopped once the
     * node is fenced or its lease ran out).
     */
    static Set<String> unclean(Cluster configuration, RecordedStatus recorded) {
        if (!configuration.properties().stonithEnabled()) {
            return Set.of();
        }
        Set<String> unclean = new TreeSet<>();
        for (Node n : configuration.nodes()) {
            boolean held = recorded.states().values().stream().anyMatch(byNode -> {
                ResourceState state = byNode.get(n.name());
                return state != null && state != ResourceState.STOPPED;
            });
            if (!n.online() && held) {
                unclean.add(n.name());
            }
        }
        return unclean;
    }
}
