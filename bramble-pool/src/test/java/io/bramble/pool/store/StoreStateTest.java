package io.bramble.pool.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.pool.store.StoreCommand.Delete;
import io.bramble.pool.store.StoreCommand.Put;
import io.bramble.pool.store.StoreResult.Applied;
import io.bramble.pool.store.StoreResult.Conflict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StoreStateTest {
    private static final byte[] V = {1, 2, 3};

    @Test
    void versionsCountChangesAndGuardConcurrentWriters() {
        StoreState state = new StoreState(false);
        assertThat(state.apply(new Put("volume", "gv0", V, ClusterStore.NEW)))
                .isEqualTo(new Applied(1));
        assertThat(state.apply(new Put("volume", "gv0", V, ClusterStore.NEW)))
                .isEqualTo(new Conflict(1));
        assertThat(state.apply(new Put("volume", "gv0", V, 1))).isEqualTo(new Applied(2));
        assertThat(state.apply(new Put("volume", "gv0", V, 1))).isEqualTo(new Conflict(2));
        assertThat(state.apply(new Put("volume", "gv0", V, ClusterStore.ANY)))
                .isEqualTo(new Applied(3));
        assertThat(state.apply(new Delete("volume", "gv0", 2))).isEqualTo(new Conflict(3));
        assertThat(state.apply(new Delete("volume", "gv0", 3))).isEqualTo(new Applied(0));
        assertThat(state.get("volume", "gv0")).isEmpty();
    }

    @Test
    void aWitnessKeepsOnlyThePoolsOwnRecords() {
        StoreState witness = new StoreState(true);
        witness.apply(new Put("pool.member", "a", V, ClusterStore.NEW));
        witness.apply(new Put("volume", "gv0", V, ClusterStore.NEW));
        assertThat(witness.get("pool.member", "a").orElseThrow().value()).isEqualTo(V);
        assertThat(witness.get("volume", "gv0").orElseThrow().value()).isEmpty();
        // and it answers changes as a member with data does
        StoreState full = new StoreState(false);
        full.apply(new Put("volume", "gv0", V, ClusterStore.NEW));
        StoreCommand next = new Put("volume", "gv0", V, 1);
        assertThat(witness.apply(next)).isEqualTo(full.apply(next));
        StoreCommand stale = new Put("volume", "gv0", V, 1);
        assertThat(witness.apply(stale)).isEqualTo(full.apply(stale));
    }

    @Test
    void commandsRoundTrip() throws Exception {
        StoreCommand put = new Put("volume", "gv0", V, 7);
        StoreCommand back = StoreCommand.decode(StoreCommand.encode(put));
        assertThat(back).isInstanceOf(Put.class);
        assertThat(((Put) back).value()).isEqualTo(V);
        assertThat(back.expectedVersion()).isEqualTo(7);
        assertThat(StoreCommand.decode(StoreCommand.encode(new Delete("a", "b", -1))))
                .isEqualTo(new Delete("a", "b", -1));
    }

    /**
     * Any sequence of puts and deletes with right or wrong versions: the versions match a
     * simple model, and a snapshot read back equals the state it was taken from.
     */
    @Property
    void matchesAModelAndSurvivesASnapshot(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 47) Integer> ops)
            throws Exception {
        StoreState state = new StoreState(false);
        Map<String, Long> model = new HashMap<>();
        for (int op : ops) {
            String key = "k" + (op % 4);
            boolean delete = op % 3 == 0;
            long current = model.getOrDefault(key, 0L);
            long expected = switch ((op / 4) % 3) {
                case 0 -> current;
                case 1 -> ClusterStore.ANY;
                default -> current + 1; // always wrong
            };
            StoreResult result = state.apply(delete
                    ? new Delete("t", key, expected)
                    : new Put("t", key, new byte[]{(byte) op}, expected));
            if (expected != ClusterStore.ANY && expected != current) {
                assertThat(result).isEqualTo(new Conflict(current));
            } else if (delete) {
                model.remove(key);
            } else {
                model.put(key, current + 1);
                assertThat(result).isEqualTo(new Applied(current + 1));
            }
        }
        for (var e : model.entrySet()) {
            assertThat(state.get("t", e.getKey()).orElseThrow().version()).isEqualTo(e
                    .getValue());
        }
        StoreState copy = StoreState.fromBytes(state.toBytes(), false);
        assertThat(copy.toBytes()).isEqualTo(state.toBytes());
    }
}
