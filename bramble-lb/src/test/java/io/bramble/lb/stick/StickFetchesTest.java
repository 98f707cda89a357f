package io.bramble.lb.stick;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.StickDataType;
import io.bramble.lb.config.StickFetch;
import io.bramble.lb.config.StickFetch.Source;
import io.bramble.lb.config.StickTableConfig;
import io.bramble.lb.config.StickTableConfig.KeyType;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stick table fetches, with HAProxy 2.6's "no value" and "0" cases. */
class StickFetchesTest {
    private final ManualClock clock = new ManualClock();
    private final StickTables tables = new StickTables(List.of(
            table("fe", Map.of(StickDataType.CONN_CUR, 0L, StickDataType.GPC0, 0L)),
            table("other", Map.of(StickDataType.HTTP_REQ_CNT, 0L))), clock);
    private final InetAddress client = InetAddress.getLoopbackAddress();

    private static StickTableConfig table(String name, Map<StickDataType, Long> stored) {
        return new StickTableConfig(name, KeyType.IP, 32, 100, Optional.empty(), false,
                stored, ConfigLocation.NONE);
    }

    private static StickFetch tracked(int counter, StickDataType data, String table) {
        return new StickFetch(Source.TRACKED, counter, data, false, Optional.ofNullable(table));
    }

    private static StickFetch source(StickDataType data, boolean increment) {
        return new StickFetch(Source.CLIENT_ADDRESS, 0, data, increment, Optional.of("fe"));
    }

    @Test
    void anUntrackedCounterOrADatumNotStoredHasNoValue() {
        StickCounters counters = StickCounters.forConnection(tables);
        assertThat(StickFetches.read(tracked(0, StickDataType.CONN_CUR, null), counters,
                client)).isEmpty();
        counters.track(0, tables.named("fe"), "127.0.0.1");
        assertThat(StickFetches.read(tracked(0, StickDataType.CONN_CUR, null), counters,
                client)).hasValue(1);
        assertThat(StickFetches.read(tracked(0, StickDataType.HTTP_REQ_RATE, null), counters,
                client)).isEmpty();
    }

    @Test
    void aKeyMissingFromTheTableReadsZero() {
        StickCounters counters = StickCounters.forConnection(tables);
        assertThat(StickFetches.read(source(StickDataType.CONN_CUR, false), counters, client))
                .hasValue(0);
        counters.track(1, tables.named("fe"), "127.0.0.1");
        // The tracked key looked up in a table that does not hold it.
        assertThat(StickFetches.read(tracked(1, StickDataType.HTTP_REQ_CNT, "other"),
                counters, client)).hasValue(0);
        assertThat(StickFetches.read(source(StickDataType.CONN_CUR, false), counters, client))
                .hasValue(1);
    }

    @Test
    void incGpc0RaisesTheCounterAndSrcIncGpc0MakesTheEntry() {
        StickCounters counters = StickCounters.forConnection(tables);
        assertThat(StickFetches.read(source(StickDataType.GPC0, true), counters, client))
                .hasValue(1);
        assertThat(StickFetches.read(source(StickDataType.GPC0, true), counters, client))
                .hasValue(2);
        assertThat(StickFetches.read(new StickFetch(Source.TABLE_COUNT, 0,
                StickDataType.CONN_CUR, false, Optional.of("fe")), counters, client))
                .hasValue(1);
        counters.track(2, tables.named("fe"), "127.0.0.1");
        assertThat(StickFetches.read(new StickFetch(Source.TRACKED, 2, StickDataType.GPC0,
                true, Optional.empty()), counters, client)).hasValue(3);
    }
}
