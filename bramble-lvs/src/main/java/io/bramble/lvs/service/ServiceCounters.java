package io.bramble.lvs.service;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one virtual service carried since the director started, for its metrics: connections
 * given a server, bytes from
 * and to clients, packets passed on by DR and TUN, and new connections it refused. Written by
 * the directors' threads without a lock; read as a snapshot that may lag by a few updates.
 */
public final class ServiceCounters {
    /** Why a new connection was refused. */
    public enum Refusal {
        /** No real server could take it (none up, or every weight 0, and no sorry server). */
        NO_SERVER,
        /** The director's connection table was full. */
        TABLE_FULL
    }

    private final LongAdder connections = new LongAdder();
    private final LongAdder incomingBytes = new LongAdder();
    private final LongAdder outgoingBytes = new LongAdder();
    private final LongAdder incomingPackets = new LongAdder();
    private final LongAdder refusedNoServer = new LongAdder();
    private final LongAdder refusedTableFull = new LongAdder();

    /** A new connection (a UDP flow for UDP) was given a server. */
    public void connected() {
        connections.increment();
    }

    /** Bytes a client sent on to a real server: payload for NAT, IP packets for DR and TUN. */
    public void incoming(long bytes) {
        incomingBytes.add(bytes);
    }

    /** A packet of {@code bytes} passed on by DR or TUN. */
    public void incomingPacket(long bytes) {
        incomingPackets.increment();
        incomingBytes.add(bytes);
    }

    /** Bytes of a real server's reply sent back to a client (NAT only). */
    public void outgoing(long bytes) {
        outgoingBytes.add(bytes);
    }

    public void refused(Refusal why) {
        (why == Refusal.NO_SERVER ? refusedNoServer : refusedTableFull).increment();
    }

    public Snapshot snapshot() {
        return new Snapshot(connections.sum(), incomingBytes.sum(), outgoingBytes.sum(),
                incomingPackets.sum(),
                refusedNoServer.sum(), refusedTableFull.sum());
    }

    /** The counters at one moment. */
    public record Snapshot(long connections, long incomingBytes, long outgoingBytes,
            long incomingPackets,
            long refusedNoServer, long refusedTableFull) {}
}
