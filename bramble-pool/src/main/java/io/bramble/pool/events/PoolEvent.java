package io.bramble.pool.events;

import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Members;
import java.util.UUID;

/** Something that changed in the pool, as subscribers see it. */
public sealed interface PoolEvent {
    /** The member list changed (a probe or a detach was committed). */
    record MembershipChanged(Members members) implements PoolEvent {}

    /** A member became reachable or unreachable from this node. */
    record LivenessChanged(UUID member, PeerState state) implements PoolEvent {}

    /**
     * Whether this node sees a majority of the voters (itself included) changed.
     *
     * @param reachable voters this node reaches, itself included
     * @param voters all voters of the pool
     */
    record QuorumChanged(boolean hasMajority, int reachable, int voters) implements PoolEvent {}

    /**
     * Records of {@code type} changed in this node's copy of the cluster store; an empty type
     * means any type may have (the copy was replaced by a snapshot). Changes close together
     * may come as one event: read the records again rather than count events.
     */
    record RecordsChanged(String type) implements PoolEvent {}
}
