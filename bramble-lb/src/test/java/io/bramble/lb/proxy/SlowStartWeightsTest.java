package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.check.AdminState;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code slowstart} in a running load balancer on an injected clock: a server leaving
 * maintenance shows the weights HAProxy 2.6.12's stats showed second by second for the same
 * lines; one leaving DRAIN, which was up all along, keeps its weight, as in HAProxy.
 */
class SlowStartWeightsTest {
    private final TestResources resources = new TestResources();
    private final ManualClock clock = new ManualClock();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private LoadBalancer start() throws Exception {
        LbConfig config = new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                defaults
                    mode http
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    balance roundrobin
                    default-server slowstart 10s maxconn 50
                    server a 127.0.0.1:1 weight 100
                    server b 127.0.0.1:1 weight 10 slowstart 0
                """.formatted(TestConfigs.freePort()));
        return resources.add(LoadBalancer.start(config, clock, new SplittableRandom(1),
                "test"));
    }

    /** The weight column of the CSV rows of backend be: a, b, BACKEND. */
    private static List<String> weights(LoadBalancer balancer) {
        List<String> weights = new ArrayList<>();
        for (String line : balancer.statsCsv().split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("be")) {
                weights.add(cells[18]);
            }
        }
        return weights;
    }

    private static ServerHandle server(LoadBalancer balancer, String name) {
        return balancer.servers().stream().filter(s -> s.state().name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void aServerLeavingMaintenanceGainsItsWeightOverItsSlowstart() throws Exception {
        LoadBalancer balancer = start();
        assertThat(weights(balancer)).containsExactly("100", "10", "110");
        ServerHandle a = server(balancer, "a");
        a.setAdmin(AdminState.MAINT, "a test");
        a.setAdmin(AdminState.READY, "a test");
        List<String> seen = new ArrayList<>();
        for (int second = 0; second <= 10; second++) {
            seen.add(weights(balancer).getFirst());
            clock.advanceMillis(1_000);
        }
        assertThat(seen).containsExactly("7", "13", "25", "32", "44", "57", "63", "75", "82",
                "94", "100");
        assertThat(weights(balancer)).containsExactly("100", "10", "110");
    }

    @Test
    void aServerLeavingDrainOrWithoutSlowstartKeepsItsWeight() throws Exception {
        LoadBalancer balancer = start();
        ServerHandle a = server(balancer, "a");
        a.setAdmin(AdminState.DRAIN, "a test");
        a.setAdmin(AdminState.READY, "a test");
        ServerHandle b = server(balancer, "b");
        b.setAdmin(AdminState.MAINT, "a test");
        b.setAdmin(AdminState.READY, "a test");
        assertThat(weights(balancer)).containsExactly("100", "10", "110");
    }
}
