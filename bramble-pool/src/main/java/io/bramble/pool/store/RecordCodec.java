package io.bramble.pool.store;

import io.bramble.pool.wire.MalformedFrameException;

/** Turns a record's value into bytes and back; decoding must reject what encode never made. */
public interface RecordCodec<T> {
    byte[] encode(T value);

    T decode(byte[] bytes) throws MalformedFrameException;
}
