package io.bramble.compute.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.compute.plan.ComputePlan;
import io.bramble.compute.plan.SparkPorts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MasterWatchTest {
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final ComputePlan ON_A = new ComputePlan(A, List.of(), SparkPorts.DEFAULT,
            2, 1024);

    private final ManualClock clock = new ManualClock();

    @Test
    void theLowestReachableWorkerTakesTheMasterOverOnceItHasBeenGoneAWhile() {
        MasterWatch onB = new MasterWatch(clock);
        MasterWatch onC = new MasterWatch(clock);
        assertThat(onB.tick(ON_A, true, B, List.of(A, B, C))).isEmpty();
        clock.advanceMillis(1_000);
        assertThat(onB.tick(ON_A, false, B, List.of(B, C))).isEmpty();
        assertThat(onC.tick(ON_A, false, C, List.of(B, C))).isEmpty();
        clock.advanceMillis(MasterWatch.MASTER_GONE_MS - 1);
        assertThat(onB.tick(ON_A, false, B, List.of(B, C))).isEmpty();
        clock.advanceMillis(1);
        assertThat(onB.tick(ON_A, false, B, List.of(B, C))).contains(new ComputePlan(B,
                List.of(), SparkPorts.DEFAULT, 2, 1024));
        assertThat(onC.tick(ON_A, false, C, List.of(B, C))).isEmpty();
    }

    @Test
    void aMasterBackInTimeStaysAndOnlyAWorkerOfThePlanIsHeir() {
        MasterWatch onB = new MasterWatch(clock);
        onB.tick(ON_A, false, B, List.of(B, C));
        clock.advanceMillis(MasterWatch.MASTER_GONE_MS - 1);
        assertThat(onB.tick(ON_A, true, B, List.of(A, B, C))).isEmpty();
        clock.advanceMillis(MasterWatch.MASTER_GONE_MS);
        assertThat(onB.tick(ON_A, false, B, List.of(B, C))).isEmpty();

        ComputePlan workersAC = new ComputePlan(A, List.of(A, C), SparkPorts.DEFAULT, 0, 0);
        MasterWatch onC = new MasterWatch(clock);
        onB = new MasterWatch(clock);
        onB.tick(workersAC, false, B, List.of(B, C));
        onC.tick(workersAC, false, C, List.of(B, C));
        clock.advanceMillis(MasterWatch.MASTER_GONE_MS);
        assertThat(onB.tick(workersAC, false, B, List.of(B, C))).isEmpty();
        assertThat(onC.tick(workersAC, false, C, List.of(B, C))).hasValueSatisfying(
                plan -> assertThat(plan.master()).isEqualTo(C));
    }

    @Test
    void theMasterNeverReplacesItself() {
        MasterWatch onA = new MasterWatch(clock);
        onA.tick(ON_A, false, A, List.of(A));
        clock.advanceMillis(10 * MasterWatch.MASTER_GONE_MS);
        assertThat(onA.tick(ON_A, false, A, List.of(A))).isEmpty();
    }
}
