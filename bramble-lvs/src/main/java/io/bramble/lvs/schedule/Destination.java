package io.bramble.lvs.schedule;

import io.bramble.common.check.Checks;
import java.net.InetSocketAddress;

/**
 * A real server as the schedulers see it (IPVS's {@code ip_vs_dest}): its address, weight and
 * connection counts. Active connections are established ones; inactive ones are closing or,
 * for UDP, flows waiting for their timeout. Weight 0 quiesces it: it takes no new connections
 * but keeps those it has (and its persistent clients). Not thread-safe: its virtual service
 * guards it.
 */
public final class Destination {
    private final InetSocketAddress address;
    private int weight;
    private int activeConnections;
    private int inactiveConnections;
    /** Connections it was given since the director started. */
    private long connectionsTotal;

    public Destination(InetSocketAddress address, int weight) {
        Checks.argument(weight >= 0, "weight must not be negative");
        this.address = address;
        this.weight = weight;
    }

    public InetSocketAddress address() {
        return address;
    }

    public int weight() {
        return weight;
    }

    public int activeConnections() {
        return activeConnections;
    }

    public int inactiveConnections() {
        return inactiveConnections;
    }

    /** IPVS's connection overhead: active connections count 256 times an inactive one. */
    public long overhead() {
        return ((long) activeConnections << 8) + inactiveConnections;
    }

    public void setWeight(int value) {
        Checks.argument(value >= 0, "weight must not be negative");
        weight = value;
    }

    /** A connection to it started. */
    public void connected() {
        activeConnections++;
        connectionsTotal++;
    }

    /** Connections it was given since the director started (IPVS's {@code Conns}). */
    public long connectionsTotal() {
        return connectionsTotal;
    }

    /** One of its active connections started closing (its first FIN). */
    public void deactivated() {
        Checks.invariant(activeConnections > 0, "no active connection on " + this);
        activeConnections--;
        inactiveConnections++;
    }

    /** A connection ended: {@code active} when it had not started closing. */
    public void disconnected(boolean active) {
        if (active) {
            Checks.invariant(activeConnections > 0, "no active connection on " + this);
            activeConnections--;
        } else {
            Checks.invariant(inactiveConnections > 0, "no inactive connection on " + this);
            inactiveConnections--;
        }
    }

    @Override
    public String toString() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
