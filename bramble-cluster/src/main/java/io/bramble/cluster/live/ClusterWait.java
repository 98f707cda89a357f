package io.bramble.cluster.live;

import io.bramble.cluster.coordinate.RecordedStatus;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.policy.PolicyEngine;
import io.bramble.common.time.Clock;
import io.bramble.pool.store.Versioned;
import java.util.function.Predicate;

/**
 * Waiting for the live cluster, as pcs's {@code --wait} waits for Pacemaker: until what the
 * coordinator recorded shows what was asked for and the policy engine has nothing left to do
 * there, or the time is up.
 */
final class ClusterWait {
    /** How long a wait lasts without {@code --wait=SECONDS}. */
    static final long DEFAULT_S = 120;
    static final long MAX_S = 3_600;
    private static final long POLL_MS = 200;

    private final LiveCib cib;
    private final PoolHosts hosts;
    private final Clock clock;

    ClusterWait(LiveCib cib, PoolHosts hosts, Clock clock) {
        this.cib = cib;
        this.hosts = hosts;
        this.clock = clock;
    }

    /** Whether {@code done} held, with nothing left to do, within {@code seconds}. */
    boolean until(Predicate<Cluster> done, long seconds) throws InterruptedException {
        long end = clock.millis() + seconds * 1_000;
        while (true) {
            Cluster cluster = now();
            if (done.test(cluster) && PolicyEngine.schedule(cluster, epochSeconds()).changes()
                    .isEmpty()) {
                return true;
            }
            if (clock.millis() >= end) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** The configuration with what runs where, as the coordinator last recorded it. */
    Cluster now() {
        String xml = cib.read().toXml();
        RecordedStatus recorded = cib.store().get(StatusRecord.TYPE, StatusRecord.KEY).map(
                Versioned::value).orElse(RecordedStatus.none());
        return LiveView.withStatus(LiveView.configuration(xml, hosts.all(), hosts.online()),
                recorded, true);
    }

    long epochSeconds() {
        return clock.epochMillis() / 1_000;
    }

    /** {@code --wait=SECONDS}'s value, checked. */
    static long seconds(String text) {
        if (!text.matches("[0-9]{1,6}") || Long.parseLong(text) < 1
                || Long.parseLong(text) > MAX_S) {
            throw new io.bramble.cluster.pcs.PcsException("'" + text + "' is not a valid number"
                    + " of seconds to wait (1 to " + MAX_S + ")");
        }
        return Long.parseLong(text);
    }
}
