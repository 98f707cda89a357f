package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.Set;

/**
 * {@code maxqueue N} on a server with {@code maxconn}: in HAProxy it bounds the queue of
 * requests waiting for that server alone, which only requests bound to the server fill:
 * cookie-persistent ones, and those other algorithms send to it (leastconn lets a server take
 * requests until its queue reaches maxqueue, a hash always picks the same server); with
 * {@code balance roundrobin} or {@code static-rr} and no cookie a full server is passed over
 * and the request waits in the backend's queue, so maxqueue changes nothing there. bramble has no per-server
 * queues: it takes {@code maxqueue} in that case, where it does what HAProxy does, and refuses
 * it at the server's line elsewhere rather than accept a bound it would not apply.
 */
final class ServerQueues {
    /** Algorithms HAProxy never queues a request on a server for. */
    private static final Set<BalanceAlgorithm> PASS_FULL_SERVERS = Set.of(
            BalanceAlgorithm.ROUNDROBIN, BalanceAlgorithm.STATIC_RR);

    private ServerQueues() {
    }

    static void review(Diagnostics diagnostics, ProxySection section) {
        if (section.boundedServerQueues.isEmpty()) {
            return;
        }
        boolean cookie = section.builder.cookie.isPresent();
        BalanceAlgorithm algorithm = section.builder.balance.algorithm();
        if (!cookie && PASS_FULL_SERVERS.contains(algorithm)) {
            return;
        }
        String why = cookie ? "cookie persistence" : "balance " + Args.spelling(algorithm);
        for (Location where : section.boundedServerQueues) {
            diagnostics.error(where, "maxqueue", "with " + why + ", HAProxy queues requests "
                    + "on a full server and maxqueue bounds that queue, but bramble has no "
                    + "server queues; it takes maxqueue only with balance roundrobin or "
                    + "static-rr and no cookie, where requests wait in the backend's queue");
        }
    }
}
