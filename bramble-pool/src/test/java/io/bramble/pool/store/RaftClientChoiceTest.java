package io.bramble.pool.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.ratis.protocol.RaftPeerId;
import org.junit.jupiter.api.Test;

/**
 * When the store's Raft client is built again: a replica that becomes the leader gets a client
 * that asks it first, not the leader it last knew, which may be cut off.
 */
class RaftClientChoiceTest {
    private static final Optional<RaftPeerId> SELF = Optional.of(RaftPeerId.valueOf("a"));
    private static final Optional<RaftPeerId> NONE = Optional.empty();

    @Test
    void aReplicaThatBecomesTheLeaderAsksItselfFirst() {
        assertThat(RaftStore.newClientNeeded(true, true, SELF, NONE)).isTrue();
        assertThat(RaftStore.newClientNeeded(true, true, SELF, SELF)).isFalse();
    }

    @Test
    void aFollowerKeepsItsClientUntilThePeersChange() {
        assertThat(RaftStore.newClientNeeded(true, true, NONE, NONE)).isFalse();
        assertThat(RaftStore.newClientNeeded(true, true, NONE, SELF)).isFalse();
        assertThat(RaftStore.newClientNeeded(true, false, NONE, NONE)).isTrue();
        assertThat(RaftStore.newClientNeeded(false, true, NONE, NONE)).isTrue();
    }
}
