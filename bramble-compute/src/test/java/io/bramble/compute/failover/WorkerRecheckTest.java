package io.bramble.compute.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkerRecheckTest {
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private final ManualClock clock = new ManualClock();
    private final WorkerRecheck recheck = new WorkerRecheck(clock);

    @Test
    void theFirstMasterIsNotAskedAbout() {
        assertThat(recheck.due(A, true)).isFalse();
        clock.advanceMillis(WorkerRecheck.AFTER_MS * 3);
        assertThat(recheck.due(A, true)).isFalse();
    }

    @Test
    void aMasterThatTookOverIsAskedAWhileLaterUntilItAnswers() {
        recheck.due(A, true);
        assertThat(recheck.due(B, true)).isFalse();
        clock.advanceMillis(WorkerRecheck.AFTER_MS - 1);
        assertThat(recheck.due(B, true)).isFalse();
        clock.advanceMillis(1);
        assertThat(recheck.due(B, true)).isTrue();
        assertThat(recheck.due(B, true)).as("not again at once").isFalse();
        clock.advanceMillis(WorkerRecheck.AFTER_MS);
        assertThat(recheck.due(B, false)).as("no worker here").isFalse();
        assertThat(recheck.due(B, true)).as("no answer yet: asked again").isTrue();
        recheck.answered();
        clock.advanceMillis(WorkerRecheck.AFTER_MS);
        assertThat(recheck.due(B, true)).isFalse();
        assertThat(recheck.due(A, true)).as("the master moved back").isFalse();
        clock.advanceMillis(WorkerRecheck.AFTER_MS);
        assertThat(recheck.due(A, true)).isTrue();
    }
}
