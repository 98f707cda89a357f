package io.bramble.cluster.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.cluster.coordinate.RecordedStatus;
import io.bramble.cluster.coordinate.ResourceState;
import io.bramble.cluster.model.FailCount;
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
