package io.bramble.lvs.route;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the DR and TUN director did with the frames it took, for the log and the tests. Written
 * by the one thread that forwards; read by others as a snapshot that may lag.
 */
final class RouteCounters {
    /** Packets sent on to a real server. */
    volatile long forwarded;
    /** Bytes of IP packets sent on. */
    volatile long forwardedBytes;
    /** TCP packets of no known connection that did not open one (not a SYN). */
    volatile long noConnection;
    /** New connections dropped: the table was full. */
    volatile long tableFull;
    /** New connections dropped: no server could take them. */
    volatile long noServer;
    /** Packets dropped: the real server's MAC was not known yet (DR). */
    volatile long noNeighbour;
    /** Frames dropped: fragments, truncated or not TCP or UDP. */
    volatile long refused;
    /** Packets the kernel would not send (too long for the link, and so on). */
    volatile long sendFailed;

    /** The packets dropped so far by reason, as the metrics label them. */
    Map<String, Long> drops() {
        Map<String, Long> drops = new LinkedHashMap<>();
        drops.put("no_connection", noConnection);
        drops.put("table_full", tableFull);
        drops.put("no_server", noServer);
        drops.put("neighbour_unknown", noNeighbour);
        drops.put("not_tcp_udp_or_fragment", refused);
        drops.put("send_failed", sendFailed);
        return drops;
    }

    @Override
    public String toString() {
        return "forwarded " + forwarded + " packets (" + forwardedBytes + " bytes); dropped: "
                + noConnection + " without connection, " + tableFull + " table full, "
                + noServer + " no server, " + noNeighbour + " neighbour unknown, " + refused
                + " not TCP/UDP or fragments, " + sendFailed + " not sent";
    }
}
