package io.bramble.pool.node;

import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Pool-wide options ({@code pool set KEY VALUE}): text values in the cluster store. */
final class PoolOptions {
    static final RecordType<String> TYPE = new RecordType<>("pool.option",
            new RecordCodec<>() {
                @Override
                public byte[] encode(String value) {
                    return value.getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public String decode(byte[] bytes) throws MalformedFrameException {
                    try {
                        return StandardCharsets.UTF_8.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                    } catch (CharacterCodingException e) {
                        throw new MalformedFrameException("an option is not UTF-8");
                    }
                }
            });
    static final int KEY_CHARS_MAX = 128;
    static final int VALUE_CHARS_MAX = 4096;

    private PoolOptions() {
    }
}
