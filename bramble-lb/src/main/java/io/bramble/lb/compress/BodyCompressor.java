package io.bramble.lb.compress;

import io.bramble.lb.config.CompressionAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Codes one response body piece by piece, each piece flushed (a sync flush) so the client
 * reads it without waiting for the next: gzip (RFC 1952), deflate (the zlib format) or raw
 * deflate, at level 1, HAProxy's default {@code tune.comp.maxlevel}; {@code identity} passes
 * the bytes as they are. Holds native memory until {@link #close}. Not thread-safe.
 */
public final class BodyCompressor implements AutoCloseable {
    /** zlib's level HAProxy uses unless {@code tune.comp.maxlevel} says otherwise. */
    static final int LEVEL = 1;
    private static final int OUTPUT_STEP_BYTES = 8192;
    private static final byte[] GZIP_HEAD = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

    private final CompressionAlgorithm algorithm;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private boolean started;
    private boolean finished;

    public BodyCompressor(CompressionAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.deflater = algorithm == CompressionAlgorithm.IDENTITY
                ? null
                : new Deflater(LEVEL, algorithm != CompressionAlgorithm.DEFLATE);
    }

    /**
     * The coded form of {@code input} (which is released), ending the stream when
     * {@code last}; may be empty.
     */
    public ByteBuf code(ByteBuf input, boolean last, ByteBufAllocator allocator) {
        if (deflater == null) {
            return input;
        }
        if (finished) {
            throw new IllegalStateException("the body already ended");
        }
        try {
            byte[] bytes = new byte[input.readableBytes()];
            input.readBytes(bytes);
            ByteBuf out = allocator.buffer(bytes.length / 2 + 64);
            if (!started && algorithm == CompressionAlgorithm.GZIP) {
                out.writeBytes(GZIP_HEAD);
            }
            started = true;
            crc.update(bytes);
            deflater.setInput(bytes);
            if (last) {
                deflater.finish();
                drainFinished(out);
                finished = true;
                if (algorithm == CompressionAlgorithm.GZIP) {
                    out.writeIntLE((int) crc.getValue());
                    out.writeIntLE((int) deflater.getBytesRead());
                }
            } else {
                drainFlushed(out);
            }
            return out;
        } finally {
            input.release();
        }
    }

    /** Takes the input coded and flushed: until a call leaves room in the step. */
    private void drainFlushed(ByteBuf out) {
        byte[] step = new byte[OUTPUT_STEP_BYTES];
        int n;
        do {
            n = deflater.deflate(step, 0, step.length, Deflater.SYNC_FLUSH);
            out.writeBytes(step, 0, n);
        } while (n == step.length);
    }

    /** Takes the rest of the stream, its end included. */
    private void drainFinished(ByteBuf out) {
        byte[] step = new byte[OUTPUT_STEP_BYTES];
        while (!deflater.finished()) {
            int n = deflater.deflate(step);
            out.writeBytes(step, 0, n);
        }
    }

    @Override
    public void close() {
        if (deflater != null) {
            deflater.end();
        }
    }
}
