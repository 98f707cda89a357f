package io.bramble.cluster.coordinate;

/** What the coordinator knows of one node's place in the cluster. Mutable, coordinator-only. */
final class NodeStanding {
    static final long INCARNATION_UNKNOWN = -1;

    /** In the pool's majority partition, as the pool last said. */
    boolean member;
    /** The node's session: raised at every join, so a rejoined node refuses older instructions. */
    long session;
    /** The run of the node's daemon that last asked for a lease; a new one means it restarted. */
    long incarnation = INCARNATION_UNKNOWN;
    /** When the coordinator last answered its lease request (its own clock), or took over. */
    long lastGrantMs;
    /** Out of the majority and certainly stopped: its lease ran out, or it was fenced. */
    boolean clean;
    /** A fence request is out for it. */
    boolean fencing;
    /** It was certainly stopped when it last joined. */
    boolean joinedClean;
    /** It was granted a lease since it last joined: only then may it have started anything. */
    boolean grantedSinceJoin;

    NodeStanding(long nowMs) {
        this.lastGrantMs = nowMs;
    }

    /** Whether instructions may be sent to it: a member whose daemon asked for a lease. */
    boolean ready() {
        return member && incarnation != INCARNATION_UNKNOWN;
    }

    /** Out of the majority and not yet certainly stopped: its resources may still run. */
    boolean unclean() {
        return !member && !clean;
    }
}
