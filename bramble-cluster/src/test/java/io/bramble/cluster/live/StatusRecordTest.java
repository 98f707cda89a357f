package io.bramble.cluster.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.cluster.coordinate.RecordedStatus;
import io.bramble.cluster.coordinate.ResourceState;
import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.FailedAction;
import io.bramble.pool.wire.MalformedFrameException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coordinator's record reads back as written; what encode never makes is refused. */
class StatusRecordTest {
    private final StatusRecord codec = new StatusRecord();

    @Test
    void aStatusReadsBackAsWritten() throws MalformedFrameException {
        RecordedStatus status = new RecordedStatus(Map.of("d1", Map.of("n1",
                ResourceState.ACTIVE, "n2", ResourceState.STOPPED)),
                List.of(new FailCount("d1", "n2", "start_0", 1, 1_700_000_000L)), Set.of("d9"));
        assertThat(codec.decode(codec.encode(status))).isEqualTo(status);
        assertThat(codec.decode(codec.encode(RecordedStatus.none())))
                .isEqualTo(RecordedStatus.none());
    }

    @Test
    void theLastFailuresReadBackAsWritten() throws MalformedFrameException {
        RecordedStatus status = new RecordedStatus(Map.of(), List.of(new FailCount("web", "n1",
                "monitor_10000", 2, 1_700_000_000L)), Set.of(), List.of(
                        new FailedAction("web",
                                "n1", "monitor", 10_000, 7, FailedAction.DONE, "no pid file",
                                1_700_000_000L, 12),
                        new FailedAction("ip", "n2", "start", 0, 1,
                                FailedAction.TIMED_OUT, "", 1_700_000_100L, 20_000)));
        assertThat(codec.decode(codec.encode(status))).isEqualTo(status);
    }

    /** A record written before the failures' details were kept still reads: without them. */
    @Test
    void aRecordOfTheFirstFormatReads() throws MalformedFrameException {
        byte[] first = new io.bramble.pool.wire.WireWriter().u8(1).i32(1).string("d1").i32(1)
                .string("n1").u8(ResourceState.ACTIVE.ordinal()).i32(1).string("d1").string(
                        "n1")
                .string("start_0").i32(1).i64(1_700_000_000L).strings(List.of(
                        "d9"))
                .toByteArray();
        RecordedStatus read = codec.decode(first);
        assertThat(read.states()).isEqualTo(Map.of("d1", Map.of("n1", ResourceState.ACTIVE)));
        assertThat(read.failCounts()).hasSize(1);
        assertThat(read.fatal()).containsExactly("d9");
        assertThat(read.failedActions()).isEmpty();
    }

    @Test
    void aNegativeTimeInALastFailureIsRefused() {
        byte[] bytes = new io.bramble.pool.wire.WireWriter().u8(2).i32(0).i32(0).strings(List
                .of()).i32(1).string("d1").string("n1").string("monitor").i64(-1).i32(7).i32(0)
                .string("").i64(0).i64(0).toByteArray();
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(
                MalformedFrameException.class);
    }

    @Test
    void anUnknownFormatOrTrailingBytesAreRefused() {
        byte[] bytes = codec.encode(RecordedStatus.none());
        bytes[0] = 9;
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(
                MalformedFrameException.class);
        byte[] longer = java.util.Arrays.copyOf(codec.encode(RecordedStatus.none()), 20);
        assertThatThrownBy(() -> codec.decode(longer)).isInstanceOf(
                MalformedFrameException.class);
    }
}
