package io.bramble.lvs.schedule;

import static io.bramble.lvs.schedule.Servers.address;
import static io.bramble.lvs.schedule.Servers.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersistenceTableTest {
    private static final long SECOND = 1_000_000_000L;
    private final ManualClock clock = new ManualClock();
    private final List<Destination> servers = weighted(1, 1);

    @Test
    void aClientNetworkKeepsItsServerForTheTimeoutAfterItsLastConnection() {
        PersistenceTable table = new PersistenceTable(50 * SECOND, 24, 100);
        table.connected(address("172.16.0.1"), servers.get(1), clock.nanoTime());
        assertThat(table.lookup(address("172.16.0.99"), clock.nanoTime(), servers::contains))
                .as("same /24").isSameAs(servers.get(1));
        assertThat(table.lookup(address("172.16.1.1"), clock.nanoTime(), servers::contains))
                .isNull();
        clock.advanceMillis(600_000);
        assertThat(table.lookup(address("172.16.0.1"), clock.nanoTime(), servers::contains))
                .as("a connection still open holds it").isSameAs(servers.get(1));
        table.disconnected(address("172.16.0.1"), clock.nanoTime());
        clock.advanceMillis(49_000);
        assertThat(table.lookup(address("172.16.0.1"), clock.nanoTime(), servers::contains))
                .isSameAs(servers.get(1));
        clock.advanceMillis(1_000);
        assertThat(table.lookup(address("172.16.0.1"), clock.nanoTime(), servers::contains))
                .isNull();
        assertThat(table.size()).isZero();
    }

    @Test
    void aQuiescedServerKeepsItsClientsButOneThatLeftDoesNot() {
        PersistenceTable table = new PersistenceTable(50 * SECOND, 32, 100);
        table.connected(address("172.16.0.1"), servers.get(0), 0);
        servers.get(0).setWeight(0);
        assertThat(table.lookup(address("172.16.0.1"), 0, servers::contains))
                .isSameAs(servers.get(0));
        assertThat(table.lookup(address("172.16.0.1"), 0, s -> s != servers.get(0))).isNull();
    }

    @Test
    void theTableIsBoundedAndDropsTheOldestIdleTemplate() {
        PersistenceTable table = new PersistenceTable(50 * SECOND, 32, 2);
        table.connected(address("172.16.0.1"), servers.get(0), 0);
        table.connected(address("172.16.0.2"), servers.get(0), 0);
        table.connected(address("172.16.0.3"), servers.get(1), 0);
        assertThat(table.size()).as("all busy: the third is not remembered").isEqualTo(2);
        table.disconnected(address("172.16.0.1"), 0);
        table.connected(address("172.16.0.3"), servers.get(1), 0);
        assertThat(table.lookup(address("172.16.0.1"), 0, servers::contains)).isNull();
        assertThat(table.lookup(address("172.16.0.3"), 0, servers::contains))
                .isSameAs(servers.get(1));
    }
}
