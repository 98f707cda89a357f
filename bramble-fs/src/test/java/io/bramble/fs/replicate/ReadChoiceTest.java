package io.bramble.fs.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Errno;
import org.junit.jupiter.api.Test;

class ReadChoiceTest {
    @Test
    void picksAnUnblamedAnsweringCopyPreferringTheLocalOne() {
        BlameMatrix blame = BlameMatrix.none(3).with(0, ChildSet.of(2));
        assertThat(ReadChoice.choose(blame, ChildSet.all(3), 1).child()).isEqualTo(1);
        assertThat(ReadChoice.choose(blame, ChildSet.all(3), 2).child()).isEqualTo(0);
        assertThat(ReadChoice.choose(blame, ChildSet.of(1, 2), -1).child()).isEqualTo(1);
    }

    @Test
    void aBlamedCopyIsNeverChosenEvenWhenItsAccuserIsAway() {
        BlameMatrix blame = BlameMatrix.none(2).with(0, ChildSet.of(1));
        ReadChoice choice = ReadChoice.choose(blame, ChildSet.of(1), 1);
        assertThat(choice.found()).isFalse();
        assertThat(choice.errno()).isEqualTo(Errno.ENOTCONN);
        assertThat(choice.split()).isFalse();
    }

    @Test
    void copiesThatBlameEachOtherAreASplit() {
        BlameMatrix blame = BlameMatrix.none(2).with(0, ChildSet.of(1)).with(1, ChildSet.of(0));
        ReadChoice choice = ReadChoice.choose(blame, ChildSet.all(2), 0);
        assertThat(choice.errno()).isEqualTo(Errno.EIO);
        assertThat(choice.split()).isTrue();
        assertThat(blame.fresh()).isEqualTo(ChildSet.NONE);
    }

    @Test
    void copiesBlamingEachOtherWhileAFreshOneIsAwayAreNoSplit() {
        BlameMatrix blame = BlameMatrix.none(3).with(0, ChildSet.of(2)).with(2, ChildSet.of(0));
        ReadChoice choice = ReadChoice.choose(blame, ChildSet.of(0, 2), 0);
        assertThat(choice.errno()).isEqualTo(Errno.ENOTCONN);
        assertThat(choice.split()).isFalse();
        BlameMatrix all = blame.with(0, ChildSet.of(1));
        assertThat(ReadChoice.choose(all, ChildSet.of(0, 2), 0).split()).isTrue();
    }

    @Test
    void aCopyBlamingItselfIsAvoidedButIsNoSplit() {
        BlameMatrix blame = BlameMatrix.none(2).with(0, ChildSet.of(0));
        assertThat(ReadChoice.choose(blame, ChildSet.all(2), 0).child()).isEqualTo(1);
        ReadChoice alone = ReadChoice.choose(blame, ChildSet.of(0), 0);
        assertThat(alone.errno()).isEqualTo(Errno.ENOTCONN);
        assertThat(alone.split()).isFalse();
    }

    /**
     * No copy is fresh: copy 0 missed changes, copy 2 is blamed by copy 0 (a mark a heal
     * could not clear while copy 0 was away), and copy 1 blames only itself, for a change
     * that was refused. Copy 1 holds every acknowledged change and serves, but only while
     * every copy answers: one that is away might blame it.
     */
    @Test
    void aCopyOnlyItselfBlamesServesWhenEveryCopyAnswersAndNoneIsFresh() {
        BlameMatrix blame = BlameMatrix.none(3).with(0, ChildSet.of(2))
                .with(1, ChildSet.of(0, 1)).with(2, ChildSet.of(0));
        assertThat(blame.blamedOnlyByThemselves()).isEqualTo(ChildSet.of(1));
        assertThat(ReadChoice.choose(blame, ChildSet.all(3), 0).child()).isEqualTo(1);
        ReadChoice oneAway = ReadChoice.choose(blame, ChildSet.of(1, 2), 1);
        assertThat(oneAway.found()).isFalse();
        assertThat(oneAway.errno()).isEqualTo(Errno.ENOTCONN);
        BlameMatrix alsoBlamed = blame.with(2, ChildSet.of(1));
        assertThat(alsoBlamed.blamedOnlyByThemselves()).isEqualTo(ChildSet.NONE);
        assertThat(ReadChoice.choose(alsoBlamed, ChildSet.all(3), 1).found()).isFalse();
        assertThat(ReadChoice.choose(blame, ChildSet.all(3), 0, ChildSet.of(1)).found())
                .isFalse();
    }

    /**
     * A copy away while the others healed comes back still blaming them for what they now
     * hold, and blamed by both for what it missed: the two that agree meet every quorum of
     * takers, so they serve.
     */
    @Test
    void twoCopiesOfThreeThatAgreeServeWhateverTheThirdSays() {
        BlameMatrix blame = BlameMatrix.none(3).with(0, ChildSet.of(1, 2))
                .with(1, ChildSet.of(0)).with(2, ChildSet.of(0));
        ChildSet all = ChildSet.all(3);
        int group = Quorum.AUTO.agreeingGroup(3);
        assertThat(ReadChoice.choose(blame, all, 0, ChildSet.NONE, group).child()).isEqualTo(1);
        assertThat(ReadChoice.choose(blame, all, 2, ChildSet.NONE, group).child()).isEqualTo(2);
        // Without quorum, one copy's changes may have been acknowledged alone: a split.
        ReadChoice none = ReadChoice.choose(blame, all, 1, ChildSet.NONE,
                Quorum.NONE.agreeingGroup(3));
        assertThat(none.split()).isTrue();
        // One of the two blaming the other: no group of two.
        assertThat(ReadChoice.choose(blame.with(1, ChildSet.of(2)), all, 1, ChildSet.NONE,
                group).found()).isFalse();
        // Only one of them answering is no group either.
        assertThat(ReadChoice.choose(blame, ChildSet.of(0, 1), 1, ChildSet.NONE, group).found())
                .isFalse();
    }

    @Test
    void noAnsweringCopyIsNotConnected() {
        assertThat(ReadChoice.choose(BlameMatrix.none(3), ChildSet.NONE, 0).errno())
                .isEqualTo(Errno.ENOTCONN);
    }

    @Test
    void theArbiterIsNeverChosenEvenWhenItAloneIsFresh() {
        ChildSet arbiter = ChildSet.of(2);
        BlameMatrix none = BlameMatrix.none(3);
        assertThat(ReadChoice.choose(none, ChildSet.all(3), 2, arbiter).child()).isEqualTo(0);
        assertThat(ReadChoice.choose(none, ChildSet.of(1, 2), -1, arbiter).child())
                .isEqualTo(1);
        ReadChoice alone = ReadChoice.choose(none, ChildSet.of(2), 2, arbiter);
        assertThat(alone.found()).isFalse();
        assertThat(alone.errno()).isEqualTo(Errno.ENOTCONN);
        BlameMatrix staleOne = none.with(2, ChildSet.of(1));
        ReadChoice stale = ReadChoice.choose(staleOne, ChildSet.of(1, 2), 1, arbiter);
        assertThat(stale.found()).isFalse();
        assertThat(stale.split()).isFalse();
    }

    @Test
    void dataCopiesBlamingEachOtherAreASplitWhateverTheArbiterSays() {
        BlameMatrix blame = BlameMatrix.none(3).with(0, ChildSet.of(1)).with(1, ChildSet.of(0));
        ReadChoice choice = ReadChoice.choose(blame, ChildSet.all(3), 0, ChildSet.of(2));
        assertThat(choice.errno()).isEqualTo(Errno.EIO);
        assertThat(choice.split()).isTrue();
    }
}
