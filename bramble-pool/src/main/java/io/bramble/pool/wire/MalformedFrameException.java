package io.bramble.pool.wire;

/** A frame that does not decode: wrong type, truncated, over a bound, or bytes left over. */
public final class MalformedFrameException extends Exception {
    public MalformedFrameException(String message) {
        super(message);
    }
}
