package io.bramble.lb.acl;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The bytes a client sent that are not yet taken, for the {@code req.*} fetches of tcp-request
 * content rules and of tcp-mode {@code use_backend}. A fetch that found too few of them notes
 * it ({@link #missed()}) unless they are {@link #complete() complete}, so that the rules wait
 * for more, as HAProxy's "may change" samples make them wait.
 */
public final class ClientBytes {
    /** At most this many bytes are inspected: HAProxy's default buffer size (tune.bufsize). */
    public static final int BYTES_MAX = 16_384;

    private final byte[] data;
    private final int length;
    private final boolean complete;
    private boolean missed;

    /**
     * @param data the bytes; only the first {@code length} count
     * @param complete no more will be waited for: the inspect delay ran out, the buffer is
     *        full or the client ended its side
     */
    public ClientBytes(byte[] data, int length, boolean complete) {
        if (length < 0 || length > data.length || length > BYTES_MAX) {
            throw new IllegalArgumentException("length must be 0 to " + Math.min(data.length,
                    BYTES_MAX) + ", got " + length);
        }
        this.data = Arrays.copyOf(data, length);
        this.length = length;
        this.complete = complete || length == BYTES_MAX;
    }

    /** None, and none to wait for: where a connection's bytes are not inspected. */
    public static ClientBytes none() {
        return new ClientBytes(new byte[0], 0, true);
    }

    public boolean complete() {
        return complete;
    }

    /** A fetch found too few bytes, and more may come. */
    boolean missed() {
        return missed;
    }

    /** Forgets an earlier {@link #missed()}, before an ACL line is tested. */
    void clearMissed() {
        missed = false;
    }

    /** {@code req.len}, which may still grow while the bytes are not complete. */
    List<String> length() {
        missed |= !complete;
        return List.of(Integer.toString(length));
    }

    /** The values {@code reader} finds in the bytes. */
    List<String> read(BiFunction<byte[], Integer, TlsClientHello.Peek> reader) {
        TlsClientHello.Peek peek = reader.apply(data, length);
        missed |= peek.tooShort() && !complete;
        return peek.values();
    }
}
