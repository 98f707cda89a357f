package io.bramble.cluster.live;

import io.bramble.cluster.cib.CibHeader;
import io.bramble.cluster.coordinate.RecordedStatus;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.PcsStatus;
import io.bramble.pool.store.Versioned;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What {@code pcs status} prints for the live cluster: the CIB's configuration with the pool's
 * members as nodes, and what runs where as the coordinator recorded it.
 */
public final class LiveStatus {
    /** What {@code Stack:} shows: the pool, where Pacemaker shows corosync. */
    static final String STACK = "bramble";

    private LiveStatus() {
    }

    public static String render(LiveCib cib, PoolHosts hosts, Instant now, ZoneId zone) {
        CibElement element = cib.read();
        String xml = element.toXml();
        RecordedStatus recorded = cib.store().get(StatusRecord.TYPE, StatusRecord.KEY)
                .map(Versioned::value).orElse(RecordedStatus.none());
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
                now, zone);
    }
}
