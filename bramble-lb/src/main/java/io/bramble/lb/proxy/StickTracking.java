package io.bramble.lb.proxy;

import io.bramble.lb.acl.RequestFacts;
import io.bramble.lb.config.StickTrack;
import io.bramble.lb.stick.StickCounters;
import io.bramble.lb.stick.StickTable;
import io.netty.util.NetUtil;
import java.util.Optional;

/**
 * Runs {@code track-scN} rules: the key sampled from the connection or request, tracked in
 * the named table by the counters the facts carry. A key that cannot be sampled tracks
 * nothing, as in HAProxy.
 */
final class StickTracking {
    private StickTracking() {
    }

    /** A tcp-request rule's track: the key is the client's address. */
    static void trackSource(StickTrack track, RequestFacts facts) {
        StickCounters counters = facts.stickCounters();
        if (counters == null || facts.source() == null) {
            return;
        }
        StickTable table = counters.tables().named(track.table());
        if (table != null) {
            counters.track(track.counter(), table, NetUtil.toAddressString(facts.source()));
        }
    }

    /**
     * An http-request rule's track; a request that starts tracking counts on the entry, as
     * HAProxy counts the request it tracks.
     */
    static void trackRequest(StickTrack track, RequestView request, int charsMax) {
        StickCounters counters = request.stickCounters();
        if (counters == null) {
            return;
        }
        StickTable table = counters.tables().named(track.table());
        Optional<String> key = track.key().isEmpty()
                ? Optional.ofNullable(request.source()).map(NetUtil::toAddressString)
                : track.key().get().text(request, charsMax);
        if (table != null && key.isPresent()
                && counters.track(track.counter(), table, key.get())) {
            counters.countHttpRequest(track.counter());
        }
    }
}
