package io.bramble.pool.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.pool.wire.Message.CommandReply;
import io.bramble.pool.wire.Message.CommandRequest;
import io.bramble.pool.wire.Message.Detached;
import io.bramble.pool.wire.Message.Heartbeat;
import io.bramble.pool.wire.Message.Hello;
import io.bramble.pool.wire.Message.JoinDone;
import io.bramble.pool.wire.Message.JoinGrant;
import io.bramble.pool.wire.Message.Outcome;
import io.bramble.pool.wire.Message.ProbeAnswer;
import io.bramble.pool.wire.Message.ProbeRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    @Property
    void everyMessageRoundTrips(@ForAll("messages") Message message) throws Exception {
        byte[] bytes = MessageCodec.encode(message);
        Message back = MessageCodec.decode(bytes);
        assertThat(MessageCodec.encode(back)).isEqualTo(bytes);
        assertThat(back.getClass()).isEqualTo(message.getClass());
    }

    /** Garbage never escapes as anything but a malformed frame. */
    @Property(tries = 2000)
    void garbageIsMalformedNeverACrash(@ForAll byte[] bytes) {
        try {
            MessageCodec.decode(bytes);
        } catch (MalformedFrameException expected) {
            // fine
        }
    }

    /** Cutting a valid frame anywhere, or adding a byte, makes it malformed. */
    @Property
    void truncatedOrPaddedFramesAreMalformed(@ForAll("messages") Message message,
            @ForAll("cuts") int cut) {
        byte[] bytes = MessageCodec.encode(message);
        int at = Math.floorMod(cut, bytes.length);
        assertThatThrownBy(() -> MessageCodec.decode(Arrays.copyOf(bytes, at)))
                .isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(() -> MessageCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void aHugeLengthFieldIsRefusedWithoutAllocating() {
        byte[] bytes = new WireWriter().u8(8).i32(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> MessageCodec.decode(bytes))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("list");
        byte[] secret = new WireWriter().u8(3).uuid(UUID.randomUUID()).uuid(UUID.randomUUID())
                .string("a").string("b").i32(1 << 30).toByteArray();
        assertThatThrownBy(() -> MessageCodec.decode(secret))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("at most");
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<UUID> ids = Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(),
                t.get2()));
        Arbitrary<String> texts = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<byte[]> blobs = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<List<String>> names = texts.list().ofMaxSize(5);
        return Arbitraries.oneOf(
                Combinators.combine(ids, ids).as(Hello::new),
                Combinators.combine(ids, Arbitraries.longs()).as(Heartbeat::new),
                Combinators.combine(ids, ids, texts, texts, blobs).as(ProbeRequest::new),
                Combinators.combine(Arbitraries.of(Outcome.class), ids, names,
                        Arbitraries.of(true, false), Arbitraries.integers().between(1, 65535),
                        blobs).as(ProbeAnswer::new),
                Combinators.combine(ids, blobs, blobs, blobs, texts).as(JoinGrant::new),
                Combinators.combine(Arbitraries.of(true, false), texts).as(JoinDone::new),
                ids.map(Detached::new),
                names.map(CommandRequest::new),
                Combinators.combine(Arbitraries.integers(), texts, texts)
                        .as(CommandReply::new));
    }
}
