package io.bramble.lvs.schedule;

import java.util.List;

/**
 * One IPVS scheduler over the real servers of one virtual service (IPVS's
 * {@code ip_vs_scheduler}). The caller passes the servers in service, in configuration order,
 * and calls {@link #serversChanged} when that list or a weight changes; schedulers keep only
 * their own index state. A server of weight 0 never gets a new connection.
 */
public interface Scheduler {
    /** The server for a new connection, or null when none may take it. */
    Destination schedule(List<Destination> servers, Flow flow);

    /** The servers in service or their weights changed. */
    default void serversChanged(List<Destination> servers) {
    }
}
