package io.bramble.fs.fuse;

import java.nio.ByteBuffer;

/**
 * Sees every request's raw bytes before they are decoded, on the reader thread; tests use
 * it to record what a real kernel sends. Must not keep the buffer, which is reused.
 */
@FunctionalInterface
interface RequestTap {
    RequestTap NONE = message -> {
    };

    void seen(ByteBuffer message);
}
