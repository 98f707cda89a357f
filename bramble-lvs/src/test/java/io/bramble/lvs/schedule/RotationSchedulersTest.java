package io.bramble.lvs.schedule;

import static io.bramble.lvs.schedule.Servers.picks;
import static io.bramble.lvs.schedule.Servers.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** rr and wrr against IPVS's documented order. */
class RotationSchedulersTest {
    @Test
    void roundRobinTakesEachServerInTurnAndSkipsQuiescedOnes() {
        assertThat(picks(Schedulers.create(SchedulerKind.RR), weighted(1, 5, 1), 6))
                .containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(picks(Schedulers.create(SchedulerKind.RR), weighted(1, 0, 1), 4))
                .containsExactly(0, 2, 0, 2);
        assertThat(picks(Schedulers.create(SchedulerKind.RR), weighted(0, 0), 2))
                .containsExactly(-1, -1);
    }

    @Test
    void weightedRoundRobinInterleavesByWeight() {
        assertThat(picks(Schedulers.create(SchedulerKind.WRR), weighted(3, 1), 8))
                .containsExactly(0, 0, 0, 1, 0, 0, 0, 1);
        // IPVS's example: weights 4, 3, 2 give a a b a b c a b c.
        assertThat(picks(Schedulers.create(SchedulerKind.WRR), weighted(4, 3, 2), 9))
                .containsExactly(0, 0, 1, 0, 1, 2, 0, 1, 2);
        assertThat(picks(Schedulers.create(SchedulerKind.WRR), weighted(2, 0, 2), 4))
                .containsExactly(0, 2, 0, 2);
    }

    @Test
    void weightedRoundRobinFollowsAWeightChange() {
        Scheduler wrr = Schedulers.create(SchedulerKind.WRR);
        List<Destination> servers = weighted(1, 1);
        assertThat(picks(wrr, servers, 2)).containsExactly(0, 1);
        servers.get(0).setWeight(0);
        assertThat(picks(wrr, servers, 3)).containsExactly(1, 1, 1);
    }
}
