package io.bramble.fs.volume.heal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.StaleCopies;
import org.junit.jupiter.api.Test;

class StaleReleasesTest {
    private static final long WAIT_NS = StaleCopies.RELEASE_WAIT_MS * 1_000_000L;
    private final StaleReleases releases = new StaleReleases();

    @Test
    void aRecordIsTakenBackOnlyAfterItStoodUnchangedForTheWholeWait() {
        assertThat(releases.healed("gv0/0", 3, 0)).as("first look").isFalse();
        assertThat(releases.healed("gv0/0", 3, WAIT_NS - 1)).as("too soon").isFalse();
        assertThat(releases.healed("gv0/0", 3, WAIT_NS)).isTrue();
    }

    @Test
    void aClientConfirmingTheRecordStartsTheWaitAgain() {
        releases.healed("gv0/0", 3, 0);
        assertThat(releases.healed("gv0/0", 4, WAIT_NS)).as("version moved on").isFalse();
        assertThat(releases.healed("gv0/0", 4, 2 * WAIT_NS - 1)).isFalse();
        assertThat(releases.healed("gv0/0", 4, 2 * WAIT_NS)).isTrue();
    }

    @Test
    void aLookThatFindsTheSetNotHealedStartsTheWaitAgain() {
        releases.healed("gv0/0", 3, 0);
        releases.notHealed("gv0/0");
        assertThat(releases.healed("gv0/0", 3, WAIT_NS)).isFalse();
        assertThat(releases.healed("gv0/0", 3, 2 * WAIT_NS)).isTrue();
    }

    @Test
    void setsWaitEachOnTheirOwn() {
        releases.healed("gv0/0", 3, 0);
        releases.healed("gv0/1", 7, WAIT_NS / 2);
        assertThat(releases.healed("gv0/0", 3, WAIT_NS)).isTrue();
        assertThat(releases.healed("gv0/1", 7, WAIT_NS)).isFalse();
    }
}
