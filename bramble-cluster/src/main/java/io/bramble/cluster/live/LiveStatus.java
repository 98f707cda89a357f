package io.bramble.cluster.live;

import io.bramble.cluster.cib.CibHeader;
import io.bramble.cluster.coordinate.RecordedStatus;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.PcsStatus;
import io.bramble.pool.store.Versioned;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What {@code pcs status} prints for the live cluster: the CIB's configuration with the pool's
 * members as nodes, and what runs where as the coordinator recorded it.
 */
public final class LiveStatus {
    private LiveStatus() {
    }

    public static String render(LiveCib cib, PoolHosts hosts, Instant now, ZoneId zone) {
        CibElement element = cib.read();
        String xml = element.toXml();
        RecordedStatus recorded = cib.store().get(StatusRecord.TYPE, StatusRecord.KEY)
                .map(Versioned::value).orElse(RecordedStatus.none());
        Cluster configuration = LiveView.configuration(xml, hosts.all(), hosts.online());
        // read() caught up with the pool's majority, which a member without quorum cannot
        return PcsStatus.render(LiveView.withStatus(configuration, recorded, true),
                CibHeader.read(LiveView.NAME, xml.getBytes(StandardCharsets.UTF_8)), now, zone);
    }
}
