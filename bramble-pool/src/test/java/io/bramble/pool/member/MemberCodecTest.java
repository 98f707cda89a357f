package io.bramble.pool.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.pool.wire.MalformedFrameException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberCodecTest {
    @Test
    void roundTrips() throws Exception {
        Member m = new Member(UUID.randomUUID(), List.of("gluster1.local", "gluster1"),
                "192.168.2.12", 24007, 24008, Role.WITNESS, 1234);
        assertThat(MemberCodec.TYPE.codec().decode(MemberCodec.TYPE.codec().encode(m)))
                .isEqualTo(m);
    }

    @Test
    void refusesARecordWithoutNames() {
        byte[] bytes = new io.bramble.pool.wire.WireWriter().uuid(UUID.randomUUID())
                .strings(List.of()).string("1.2.3.4").i32(1).i32(2).u8(0).i64(0)
                .toByteArray();
        assertThatThrownBy(() -> MemberCodec.TYPE.codec().decode(bytes))
                .isInstanceOf(MalformedFrameException.class);
    }
}
