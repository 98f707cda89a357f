package io.bramble.fs.fuse;

import java.io.IOException;

/** The kernel and bramble could not agree on the protocol, or the device broke it. */
final class FuseProtocolException extends IOException {
    FuseProtocolException(String message) {
        super(message);
    }
}
