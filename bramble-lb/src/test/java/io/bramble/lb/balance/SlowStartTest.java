package io.bramble.lb.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.config.BalanceAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@code slowstart}: the weights and maxconn of a server coming back UP, second by second, as
 * HAProxy 2.6.12's stats showed them for servers of weight 100 and 10 with {@code slowstart
 * 10s} re-enabled, and a static-rr server keeping its weight.
 */
class SlowStartTest {
    private static final RequestKey ANY = RequestKey.of(new byte[]{127, 0, 0, 1}, "/");

    private final List<BalancedServer> servers = new ArrayList<>();
    private final ManualClock clock = new ManualClock();

    private Balancer balancer(BalanceAlgorithm algorithm, int... weights) {
        for (int weight : weights) {
            servers.add(new BalancedServer(servers.size(), "s" + servers.size(), weight, false,
                    50));
        }
        return Balancers.allUp(algorithm, servers, 7, clock);
    }

    private List<Integer> shownEachSecond(Balancer balancer, BalancedServer server) {
        List<Integer> shown = new ArrayList<>();
        for (long s = 0; s <= 11; s++) {
            balancer.tick();
            shown.add(server.shownWeight());
            clock.advanceMillis(1_000);
        }
        return shown;
    }

    @Test
    void aDynamicAlgorithmsServerGainsItsWeightInSixteenthsAsHaproxyShowsIt() {
        Balancer balancer = balancer(BalanceAlgorithm.ROUNDROBIN, 100, 10);
        servers.forEach(balancer::serverDown);
        servers.forEach(s -> balancer.serverBackUp(s, 10_000));
        assertThat(servers.get(0).shownWeight()).isEqualTo(7);
        assertThat(servers.get(1).shownWeight()).isEqualTo(1);
        assertThat(shownEachSecond(balancer, servers.get(0))).containsExactly(7, 13, 25, 32,
                44, 57, 63, 75, 82, 94, 100, 100);
        servers.forEach(balancer::serverDown);
        servers.forEach(s -> balancer.serverBackUp(s, 10_000));
        assertThat(shownEachSecond(balancer, servers.get(1))).containsExactly(1, 2, 3, 4, 5, 6,
                7, 8, 9, 10, 10, 10);
    }

    @Test
    void theRampUsesWholeSecondsAndEndsAtTheSlowstartTime() {
        assertThat(LongStream.rangeClosed(0, 10).mapToInt(e -> SlowStart.warmth(e, 10)))
                .containsExactly(1, 2, 4, 5, 7, 9, 10, 12, 13, 15, 16);
        assertThat(SlowStart.seconds(1)).isEqualTo(1);
        assertThat(SlowStart.seconds(60_000)).isEqualTo(60);
        assertThat(SlowStart.maxconn(250, 0, 60)).isEqualTo(1);
        assertThat(SlowStart.maxconn(250, 30, 60)).isEqualTo(125);
        assertThat(SlowStart.maxconn(250, 60, 60)).isEqualTo(250);
        assertThat(SlowStart.maxconn(0, 1, 60)).isZero();
    }

    @Test
    void aWarmingServerGetsItsShareOfPicksAndItsMaxconnRamps() {
        Balancer balancer = balancer(BalanceAlgorithm.ROUNDROBIN, 1, 1);
        BalancedServer back = servers.get(1);
        balancer.serverDown(back);
        balancer.serverBackUp(back, 4_000);
        assertThat(picks(balancer, 17)).filteredOn("s1"::equals).hasSize(1);
        balancer.connectionTaken(back);
        assertThat(back.hasRoom()).isFalse();
        clock.advanceMillis(2_000);
        balancer.tick();
        assertThat(back.hasRoom()).isTrue();
        balancer.connectionReleased(back);
        clock.advanceMillis(2_000);
        assertThat(picks(balancer, 4)).containsExactly("s0", "s1", "s0", "s1");
    }

    @Test
    void staticAlgorithmsKeepTheWeightAndServersAtStartOrGoingDownStopWarming() {
        Balancer fixed = balancer(BalanceAlgorithm.STATIC_RR, 100);
        BalancedServer server = servers.getFirst();
        fixed.serverDown(server);
        fixed.serverBackUp(server, 10_000);
        assertThat(server.shownWeight()).isEqualTo(100);
        servers.clear();
        Balancer live = balancer(BalanceAlgorithm.LEASTCONN, 100);
        BalancedServer started = servers.getFirst();
        assertThat(started.shownWeight()).isEqualTo(100);
        live.serverDown(started);
        live.serverBackUp(started, 10_000);
        assertThat(started.shownWeight()).isEqualTo(7);
        live.serverDown(started);
        assertThat(started.shownWeight()).isEqualTo(100);
        live.serverBackUp(started, 0);
        assertThat(started.shownWeight()).isEqualTo(100);
    }

    private static List<String> picks(Balancer balancer, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(balancer.pick(ANY, null).name());
        }
        return names;
    }
}
