package io.bramble.lb.compress;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.CompressionAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/** Each coding, fed in pieces, decodes to the body with the JDK's own decoders. */
class BodyCompressorTest {
    private static byte[] body() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("line ").append(random.nextInt(100)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Codes {@code body} in pieces of {@code piece} bytes, the last one empty. */
    private static byte[] code(CompressionAlgorithm algorithm, byte[] body, int piece) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BodyCompressor compressor = new BodyCompressor(algorithm)) {
            for (int at = 0; at < body.length; at += piece) {
                int n = Math.min(piece, body.length - at);
                take(out, compressor.code(Unpooled.wrappedBuffer(body, at, n), false,
                        ByteBufAllocator.DEFAULT));
            }
            take(out, compressor.code(Unpooled.EMPTY_BUFFER, true, ByteBufAllocator.DEFAULT));
        }
        return out.toByteArray();
    }

    private static void take(ByteArrayOutputStream out, ByteBuf coded) {
        byte[] bytes = new byte[coded.readableBytes()];
        coded.readBytes(bytes);
        coded.release();
        out.writeBytes(bytes);
    }

    @Test
    void eachCodingDecodesToTheBody() throws IOException {
        byte[] body = body();
        assertThat(read(new GZIPInputStream(new ByteArrayInputStream(code(
                CompressionAlgorithm.GZIP, body, 1000))))).isEqualTo(body);
        assertThat(read(new InflaterInputStream(new ByteArrayInputStream(code(
                CompressionAlgorithm.DEFLATE, body, 777))))).isEqualTo(body);
        assertThat(read(new InflaterInputStream(new ByteArrayInputStream(code(
                CompressionAlgorithm.RAW_DEFLATE, body, 50_000)), new Inflater(true))))
                .isEqualTo(body);
        assertThat(code(CompressionAlgorithm.IDENTITY, body, 999)).isEqualTo(body);
        assertThat(code(CompressionAlgorithm.GZIP, body, 1000).length).isLessThan(body.length);
    }

    @Test
    void eachPieceIsFlushedSoWhatCameSoFarDecodes() throws IOException {
        byte[] piece = "hello, flushed\n".getBytes(StandardCharsets.US_ASCII);
        try (BodyCompressor compressor = new BodyCompressor(CompressionAlgorithm.RAW_DEFLATE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            take(out, compressor.code(Unpooled.wrappedBuffer(piece), false,
                    ByteBufAllocator.DEFAULT));
            Inflater inflater = new Inflater(true);
            inflater.setInput(out.toByteArray());
            byte[] decoded = new byte[100];
            int n = inflater.inflate(decoded);
            inflater.end();
            assertThat(new String(decoded, 0, n, StandardCharsets.US_ASCII))
                    .isEqualTo("hello, flushed\n");
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
