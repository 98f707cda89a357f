package io.bramble.lb.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.BalanceAlgorithm;
import io.bramble.lb.config.BalanceConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BalancerTest {
    private static final RequestKey ANY = RequestKey.of(new byte[]{127, 0, 0, 1}, "/");

    private final List<BalancedServer> servers = new ArrayList<>();

    private BalancedServer server(String name, int weight) {
        return server(name, weight, false, 0);
    }

    private BalancedServer server(String name, int weight, boolean backup, int maxconn) {
        BalancedServer server = new BalancedServer(servers.size(), name, weight, backup,
                maxconn);
        servers.add(server);
        return server;
    }

    private Balancer balancer(BalanceAlgorithm algorithm) {
        return Balancers.allUp(algorithm, servers, 42);
    }

    private static List<String> picks(Balancer balancer, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(balancer.pick(ANY, null).name());
        }
        return names;
    }

    @Test
    void roundRobinAlternatesEqualWeights() {
        server("web1", 1);
        server("web2", 1);
        assertThat(picks(balancer(BalanceAlgorithm.ROUNDROBIN), 4))
                .containsExactly("web1", "web2", "web1", "web2");
    }

    @Test
    void roundRobinSpreadsWeightsSmoothly() {
        server("a", 3);
        server("b", 1);
        assertThat(picks(balancer(BalanceAlgorithm.ROUNDROBIN), 8))
                .containsExactly("a", "a", "b", "a", "a", "a", "b", "a");
    }

    @Test
    void roundRobinFollowsDownUpAndWeightChanges() {
        BalancedServer a = server("a", 1);
        BalancedServer b = server("b", 1);
        Balancer balancer = balancer(BalanceAlgorithm.ROUNDROBIN);
        balancer.serverDown(a);
        assertThat(picks(balancer, 3)).containsOnly("b");
        balancer.serverUp(a);
        balancer.setWeight(b, 2);
        assertThat(picks(balancer, 30)).filteredOn("b"::equals).hasSize(20);
    }

    @Test
    void staticRoundRobinIgnoresRunTimeWeights() {
        server("a", 2);
        BalancedServer b = server("b", 1);
        Balancer balancer = balancer(BalanceAlgorithm.STATIC_RR);
        balancer.setWeight(b, 10);
        assertThat(picks(balancer, 6)).containsExactly("a", "b", "a", "a", "b", "a");
    }

    @Test
    void leastConnectionsPrefersTheIdleServer() {
        BalancedServer a = server("a", 1);
        server("b", 1);
        Balancer balancer = balancer(BalanceAlgorithm.LEASTCONN);
        balancer.connectionTaken(a);
        balancer.connectionTaken(a);
        assertThat(picks(balancer, 2)).containsOnly("b");
        balancer.connectionReleased(a);
        balancer.connectionReleased(a);
        assertThat(picks(balancer, 4)).containsExactlyInAnyOrder("a", "b", "a", "b");
    }

    @Test
    void leastConnectionsWeighsLoadByWeight() {
        BalancedServer a = server("a", 3);
        BalancedServer b = server("b", 1);
        Balancer balancer = balancer(BalanceAlgorithm.LEASTCONN);
        for (int i = 0; i < 8; i++) {
            balancer.connectionTaken(balancer.pick(ANY, null));
        }
        assertThat(a.activeConnections()).isEqualTo(6);
        assertThat(b.activeConnections()).isEqualTo(2);
    }

    @Test
    void sourceKeepsEachClientOnOneServer() {
        server("a", 1);
        server("b", 1);
        server("c", 1);
        Balancer balancer = balancer(BalanceAlgorithm.SOURCE);
        Map<Integer, String> firstChoice = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int client = 1; client < 60; client++) {
                RequestKey key = RequestKey.ofClient(new byte[]{10, 0, 0, (byte) client});
                String chosen = balancer.pick(key, null).name();
                assertThat(firstChoice.computeIfAbsent(client, c -> chosen)).isEqualTo(chosen);
            }
        }
        assertThat(firstChoice.values()).contains("a", "b", "c");
    }

    @Test
    void uriHashesThePathOnlyUnlessWhole() {
        server("a", 1);
        server("b", 1);
        Balancer balancer = balancer(BalanceAlgorithm.URI);
        byte[] client = {10, 0, 0, 1};
        for (int i = 0; i < 20; i++) {
            String path = "/item/" + i;
            String chosen = balancer.pick(RequestKey.of(client, path), null).name();
            assertThat(balancer.pick(RequestKey.of(new byte[]{9, 9, 9, 9}, path + "?x=" + i),
                    null).name()).isEqualTo(chosen);
        }
        BalanceConfig whole = new BalanceConfig(BalanceAlgorithm.URI, true, 0, 0, 2);
        Balancer wholeBalancer = Balancer.create(whole, servers, new SplittableRandom(1));
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            chosen.add(wholeBalancer.pick(RequestKey.of(client, "/same?q=" + i), null).name());
        }
        assertThat(chosen).contains("a", "b");
    }

    @Test
    void firstFillsServersInOrder() {
        BalancedServer a = server("a", 1, false, 2);
        server("b", 1, false, 2);
        Balancer balancer = balancer(BalanceAlgorithm.FIRST);
        assertThat(balancer.pick(ANY, null)).isSameAs(a);
        balancer.connectionTaken(a);
        balancer.connectionTaken(a);
        assertThat(balancer.pick(ANY, null).name()).isEqualTo("b");
    }

    @Test
    void randomIsReproducibleWithTheSameSeedAndHonoursWeights() {
        server("a", 4);
        server("b", 1);
        Balancer first = balancer(BalanceAlgorithm.RANDOM);
        Balancer second = balancer(BalanceAlgorithm.RANDOM);
        List<String> picks = picks(first, 500);
        assertThat(picks(second, 500)).isEqualTo(picks);
        long a = picks.stream().filter("a"::equals).count();
        assertThat(a).isBetween(300L, 490L);
    }

    @ParameterizedTest
    @EnumSource(BalanceAlgorithm.class)
    void backupServesOnlyWhenNoPrimaryIsUsable(BalanceAlgorithm algorithm) {
        BalancedServer a = server("a", 1);
        BalancedServer b = server("b", 1);
        server("spare1", 1, true, 0);
        server("spare2", 1, true, 0);
        Balancer balancer = balancer(algorithm);
        assertThat(picks(balancer, 10)).doesNotContain("spare1", "spare2");
        balancer.serverDown(a);
        assertThat(picks(balancer, 10)).containsOnly("b");
        balancer.serverDown(b);
        assertThat(picks(balancer, 10)).containsOnly("spare1");
        balancer.serverUp(b);
        assertThat(picks(balancer, 10)).containsOnly("b");
    }

    @Test
    void allBackupsBalancesOverEveryUsableBackupWhenNoPrimaryIsUsable() {
        BalancedServer a = server("a", 1);
        server("spare1", 1, true, 0);
        BalancedServer spare2 = server("spare2", 1, true, 0);
        server("spare3", 1, true, 0);
        Balancer balancer = Balancer.create(BalanceConfig.of(BalanceAlgorithm.ROUNDROBIN),
                servers, new SplittableRandom(42), true);
        servers.forEach(balancer::serverUp);
        assertThat(picks(balancer, 4)).containsOnly("a");
        balancer.serverDown(a);
        assertThat(picks(balancer, 6)).containsExactly("spare1", "spare2", "spare3",
                "spare1", "spare2", "spare3");
        balancer.serverDown(spare2);
        assertThat(picks(balancer, 4)).containsExactly("spare1", "spare3", "spare1",
                "spare3");
    }

    @ParameterizedTest
    @EnumSource(BalanceAlgorithm.class)
    void avoidsTheServerThatJustFailedAndReturnsNullWhenNothingIsUp(
            BalanceAlgorithm algorithm) {
        BalancedServer a = server("a", 1);
        BalancedServer b = server("b", 1);
        Balancer balancer = balancer(algorithm);
        for (int i = 0; i < 10; i++) {
            assertThat(balancer.pick(ANY, a)).isSameAs(b);
        }
        balancer.serverDown(a);
        balancer.serverDown(b);
        assertThat(balancer.pick(ANY, null)).isNull();
        assertThat(balancer.anyUsable()).isFalse();
    }

    @Test
    void weightZeroTakesNoNewTraffic() {
        server("a", 1);
        BalancedServer b = server("b", 1);
        Balancer balancer = balancer(BalanceAlgorithm.ROUNDROBIN);
        balancer.setWeight(b, 0);
        assertThat(picks(balancer, 5)).containsOnly("a");
    }
}
