package io.bramble.fs.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuorumTest {
    /**
     * A group this large shares a copy with every set of takers that may have a change
     * acknowledged: replica n minus the fewest takers, plus one.
     */
    @Test
    void anAgreeingGroupMeetsEverySetOfTakers() {
        assertThat(Quorum.AUTO.agreeingGroup(3)).isEqualTo(2);
        assertThat(Quorum.AUTO.agreeingGroup(4)).isEqualTo(2);
        assertThat(Quorum.AUTO.agreeingGroup(5)).isEqualTo(3);
        // Replica 2 with the tie-breaker: one taker may do, so only both copies agree enough.
        assertThat(Quorum.AUTO.agreeingGroup(2)).isEqualTo(2);
        assertThat(Quorum.NONE.agreeingGroup(3)).isEqualTo(3);
        assertThat(Quorum.fixed(2).agreeingGroup(3)).isEqualTo(2);
        assertThat(Quorum.fixed(3).agreeingGroup(3)).isEqualTo(1);
    }
}
