package io.bramble.lb.stick;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.StickDataType;
import io.bramble.lb.config.StickTableConfig;
import io.bramble.lb.config.StickTableConfig.KeyType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StickTableTest {
    private final ManualClock clock = new ManualClock();

    private StickTable table(KeyType type, long size, Long expireMs, boolean noPurge) {
        return new StickTable(new StickTableConfig("fe", type, 32, size,
                Optional.ofNullable(expireMs), noPurge, Map.of(StickDataType.CONN_CUR, 0L,
                        StickDataType.CONN_CNT, 0L, StickDataType.HTTP_REQ_RATE, 10_000L,
                        StickDataType.GPC0, 0L),
                ConfigLocation.NONE), clock);
    }

    @Test
    void keysFollowTheTableType() {
        StickTable ip = table(KeyType.IP, 10, null, false);
        assertThat(ip.key("127.0.0.1")).contains("127.0.0.1");
        assertThat(ip.key("::ffff:10.0.0.1")).contains("10.0.0.1");
        assertThat(ip.key("2001:db8::1")).isEmpty();
        StickTable ipv6 = table(KeyType.IPV6, 10, null, false);
        assertThat(ipv6.key("10.0.0.1")).isEqualTo(ipv6.key("::ffff:10.0.0.1")).isPresent();
        assertThat(table(KeyType.INTEGER, 10, null, false).key("42")).contains("42");
        assertThat(table(KeyType.INTEGER, 10, null, false).key("x")).isEmpty();
        assertThat(table(KeyType.STRING, 10, null, false).key("a".repeat(40)))
                .contains("a".repeat(32));
    }

    @Test
    void trackingCountsConnectionsUntilReleased() {
        StickTable table = table(KeyType.IP, 10, 5_000L, false);
        StickCounters first = StickCounters.forConnection(StickTables.NONE);
        StickCounters second = StickCounters.forConnection(StickTables.NONE);
        assertThat(first.track(0, table, "10.0.0.1")).isTrue();
        assertThat(first.track(0, table, "10.0.0.2")).as("the first track-sc0 wins").isFalse();
        second.track(0, table, "10.0.0.1");
        assertThat(first.read(0, StickDataType.CONN_CUR)).hasValue(2);
        first.release();
        assertThat(second.read(0, StickDataType.CONN_CUR)).hasValue(1);
        assertThat(second.read(0, StickDataType.CONN_CNT)).hasValue(2);
        assertThat(first.read(0, StickDataType.CONN_CUR)).as("released").isEmpty();
        assertThat(second.read(0, StickDataType.SESS_RATE)).as("not stored").isEmpty();
    }

    @Test
    void anEntryExpiresOnlyOnceUntrackedAndUntouchedForExpire() {
        StickTable table = table(KeyType.IP, 10, 5_000L, false);
        StickCounters connection = StickCounters.forConnection(StickTables.NONE);
        connection.track(0, table, "10.0.0.1");
        clock.advanceMillis(60_000);
        assertThat(table.find("10.0.0.1")).as("tracked entries stay").isNotNull();
        connection.release();
        clock.advanceMillis(4_999);
        assertThat(table.find("10.0.0.1")).isNotNull();
        clock.advanceMillis(1);
        assertThat(table.find("10.0.0.1")).isNull();
        assertThat(table.count()).isZero();
    }

    @Test
    void aFullTableDropsTheOldestUntrackedEntries() {
        StickTable table = table(KeyType.INTEGER, 3, null, false);
        StickCounters held = StickCounters.forConnection(StickTables.NONE);
        held.track(0, table, "1");
        for (String key : new String[]{"2", "3"}) {
            table.findOrMakeTouched(key);
            clock.advanceMillis(10);
        }
        assertThat(table.findOrMakeTouched("4")).isNotNull();
        assertThat(table.find("1")).as("tracked").isNotNull();
        assertThat(table.find("2")).as("the oldest untracked").isNull();
        assertThat(table.find("3")).isNotNull();
        assertThat(table.count()).isEqualTo(3);
    }

    @Test
    void noPurgeRefusesNewKeysWhenFull() {
        StickTable table = table(KeyType.INTEGER, 2, null, true);
        table.findOrMakeTouched("1");
        table.findOrMakeTouched("2");
        assertThat(table.findOrMakeTouched("3")).isNull();
        StickCounters connection = StickCounters.forConnection(StickTables.NONE);
        assertThat(connection.track(0, table, "3")).isFalse();
        assertThat(table.count()).isEqualTo(2);
    }

    @Test
    void aRequestCountsOnItsCountersAndFallsBackOnTheConnections() {
        StickTable table = table(KeyType.IP, 10, null, false);
        StickCounters connection = StickCounters.forConnection(StickTables.NONE);
        connection.track(1, table, "10.0.0.1");
        StickCounters request = connection.forRequest();
        request.track(0, table, "10.0.0.2");
        request.countHttpRequest();
        assertThat(request.read(1, StickDataType.HTTP_REQ_RATE)).hasValue(1);
        assertThat(request.read(0, StickDataType.HTTP_REQ_RATE)).hasValue(1);
        assertThat(request.incrementGpc0(1)).hasValue(1);
        request.release();
        assertThat(table.find("10.0.0.2").counts[StickDataType.CONN_CUR.ordinal()]).isZero();
        assertThat(connection.read(1, StickDataType.CONN_CUR)).hasValue(1);
    }

    @Test
    void theTwentyFirstRequestOfASecondReadsTwentyOne() {
        StickTable table = new StickTable(new StickTableConfig("fe", KeyType.IP, 32, 100,
                Optional.of(10_000L), false, Map.of(StickDataType.HTTP_REQ_RATE, 1_000L),
                ConfigLocation.NONE), clock);
        StickCounters connection = StickCounters.forConnection(StickTables.NONE);
        for (int i = 1; i <= 21; i++) {
            StickCounters request = connection.forRequest();
            request.track(0, table, "10.0.0.1");
            request.countHttpRequest(0);
            assertThat(request.read(0, StickDataType.HTTP_REQ_RATE)).hasValue(i);
            request.release();
            clock.advanceMillis(40);
        }
    }
}
