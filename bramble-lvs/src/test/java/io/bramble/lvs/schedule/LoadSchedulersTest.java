package io.bramble.lvs.schedule;

import static io.bramble.lvs.schedule.Servers.from;
import static io.bramble.lvs.schedule.Servers.load;
import static io.bramble.lvs.schedule.Servers.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** lc, wlc, sed, nq, fo and ovf against IPVS's documented choices. */
class LoadSchedulersTest {
    private static Destination pick(SchedulerKind kind, List<Destination> servers) {
        return Schedulers.create(kind).schedule(servers, from("172.16.0.1"));
    }

    @Test
    void leastConnectionCountsAnActiveConnectionAs256InactiveOnes() {
        List<Destination> servers = weighted(1, 1);
        load(servers.get(0), 1);
        for (int i = 0; i < 255; i++) {
            servers.get(1).connected();
            servers.get(1).deactivated();
        }
        assertThat(pick(SchedulerKind.LC, servers)).isSameAs(servers.get(1));
        servers.get(1).connected();
        servers.get(1).deactivated();
        assertThat(pick(SchedulerKind.LC, servers)).as("a tie goes to the first")
                .isSameAs(servers.get(0));
    }

    @Test
    void leastConnectionIgnoresWeightsButNotQuiescedServers() {
        List<Destination> servers = weighted(100, 1, 0);
        load(servers.get(0), 1);
        assertThat(pick(SchedulerKind.LC, servers)).isSameAs(servers.get(1));
        load(servers.get(1), 1);
        assertThat(pick(SchedulerKind.LC, servers)).isSameAs(servers.get(0));
    }

    @Test
    void weightedLeastConnectionSharesConnectionsInProportionToWeights() {
        List<Destination> servers = weighted(3, 1);
        Scheduler wlc = Schedulers.create(SchedulerKind.WLC);
        for (int i = 0; i < 40; i++) {
            wlc.schedule(servers, from("172.16.0.1")).connected();
        }
        assertThat(servers.get(0).activeConnections()).isEqualTo(30);
        assertThat(servers.get(1).activeConnections()).isEqualTo(10);
    }

    @Test
    void shortestExpectedDelayCountsTheNewConnection() {
        List<Destination> servers = weighted(1, 10);
        load(servers.get(1), 5);
        // wlc: 0/1 beats 5/10; sed: (0+1)/1 = 1 loses to (5+1)/10 = 0.6.
        assertThat(pick(SchedulerKind.WLC, servers)).isSameAs(servers.get(0));
        assertThat(pick(SchedulerKind.SED, servers)).isSameAs(servers.get(1));
    }

    @Test
    void neverQueueSendsToAnIdleServerFirst() {
        List<Destination> servers = weighted(10, 1);
        load(servers.get(0), 5);
        assertThat(pick(SchedulerKind.SED, servers)).isSameAs(servers.get(0));
        assertThat(pick(SchedulerKind.NQ, servers)).isSameAs(servers.get(1));
        load(servers.get(1), 1);
        assertThat(pick(SchedulerKind.NQ, servers)).as("no idle server: as sed")
                .isSameAs(servers.get(0));
    }

    @Test
    void failoverSendsEverythingToTheHighestWeight() {
        List<Destination> servers = weighted(1, 5, 5);
        load(servers.get(1), 1000);
        assertThat(pick(SchedulerKind.FO, servers)).isSameAs(servers.get(1));
        servers.get(1).setWeight(0);
        assertThat(pick(SchedulerKind.FO, servers)).isSameAs(servers.get(2));
    }

    @Test
    void overflowFillsTheHighestWeightUpToItsWeightThenTheNext() {
        List<Destination> servers = weighted(2, 3);
        Scheduler ovf = Schedulers.create(SchedulerKind.OVF);
        for (int i = 0; i < 5; i++) {
            ovf.schedule(servers, from("172.16.0.1")).connected();
        }
        assertThat(servers.get(1).activeConnections()).isEqualTo(3);
        assertThat(servers.get(0).activeConnections()).isEqualTo(2);
        assertThat(ovf.schedule(servers, from("172.16.0.1"))).as("all full").isNull();
    }
}
