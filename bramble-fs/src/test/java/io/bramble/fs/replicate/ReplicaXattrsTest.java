package io.bramble.fs.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ReplicaXattrsTest {
    @Test
    void markerNamesCarryTheBlamedChild() {
        assertThat(PendingCounters.name(2)).isEqualTo("trusted.bramble.pending.2");
        assertThat(PendingCounters.childOf("trusted.bramble.pending.2")).isEqualTo(2);
        assertThat(PendingCounters.childOf("trusted.bramble.pending.10")).isEqualTo(10);
        assertThat(PendingCounters.childOf("trusted.bramble.pending.02")).isEqualTo(-1);
        assertThat(PendingCounters.childOf("trusted.bramble.pending.x")).isEqualTo(-1);
        assertThat(PendingCounters.childOf("trusted.bramble.pending.")).isEqualTo(-1);
        assertThat(PendingCounters.childOf("trusted.bramble.version")).isEqualTo(-1);
        assertThat(PendingCounters.childOf("trusted.bramble.pending.99")).isEqualTo(-1);
    }

    @Test
    void countersAreBigEndianAndZeroMeansNothingPending() {
        PendingCounters counters = PendingCounters.ZERO.plus(ChangeKind.ENTRY)
                .plus(ChangeKind.DATA).plus(ChangeKind.DATA);
        assertThat(counters).isEqualTo(new PendingCounters(2, 0, 1));
        byte[] value = counters.encode();
        assertThat(value).hasSize(24);
        assertThat(value[7]).isEqualTo((byte) 2);
        assertThat(value[23]).isEqualTo((byte) 1);
        assertThat(PendingCounters.ZERO.encode()).containsOnly(0);
        assertThat(PendingCounters.ZERO.isZero()).isTrue();
        assertThat(counters.isZero()).isFalse();
        assertThat(FileVersion.ZERO.plus(ChangeKind.METADATA).plus(ChangeKind.ENTRY))
                .isEqualTo(new FileVersion(1, 1));
        assertThatThrownBy(() -> PendingCounters.decode(new byte[23]))
                .hasMessageContaining("23 bytes");
        assertThatThrownBy(() -> FileVersion.decode(new byte[17]))
                .hasMessageContaining("17 bytes");
    }

    @Property
    void valuesReadBackAsWritten(@ForAll @LongRange(min = 0) long data,
            @ForAll @LongRange(min = 0) long metadata, @ForAll @LongRange(min = 0) long entry) {
        PendingCounters counters = new PendingCounters(data, metadata, entry);
        assertThat(PendingCounters.decode(counters.encode())).isEqualTo(counters);
        FileVersion version = new FileVersion(data, metadata);
        assertThat(FileVersion.decode(version.encode())).isEqualTo(version);
    }

    @Test
    void quorumOptionsReadAsGlusterWritesThem() {
        assertThat(Quorum.parse(null, null)).isEqualTo(Quorum.AUTO);
        assertThat(Quorum.parse("none", null)).isEqualTo(Quorum.NONE);
        assertThat(Quorum.parse("fixed", "2")).isEqualTo(Quorum.fixed(2));
        assertThatThrownBy(() -> Quorum.parse("fixed", null))
                .hasMessageContaining("quorum-count");
        assertThatThrownBy(() -> Quorum.parse("most", null)).hasMessageContaining("auto, none");
        assertThatThrownBy(() -> new WriteRules(2, Quorum.fixed(3)))
                .hasMessageContaining("more than the 2 copies");
    }
}
