package io.bramble.bench.http1;

import io.bramble.lb.http1.MethodQueue;
import io.bramble.lb.http1.RequestDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a burst of pipelined requests, as wrk sends them, with bramble's strict decoder and
 * with the Netty decoder it replaced: the cost of strictness per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestDecoderBenchmark {
    /** Requests in one read burst. */
    private static final int BURST = 64;
    private static final byte[] GET = ("GET /index.html?page=1 HTTP/1.1\r\nHost: 127.0.0.1:27030"
            + "\r\nUser-Agent: wrk/4.1.0\r\nAccept: */*\r\nAccept-Encoding: gzip\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] POST = ("POST /form HTTP/1.1\r\nHost: 127.0.0.1:27030\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 17\r\n\r\n"
            + "name=ada&lang=en\n").getBytes(StandardCharsets.ISO_8859_1);

    @Param({"bramble", "netty"})
    public String decoder;

    @Param({"get", "post"})
    public String request;

    private EmbeddedChannel channel;
    private ByteBuf burst;
    /** Emptied as a response encoder would, one method per request answered. */
    private MethodQueue methods;

    @Setup
    public void setUp() {
        channel = decoder.equals("bramble")
                ? new EmbeddedChannel(new RequestDecoder(methods = new MethodQueue()))
                : new EmbeddedChannel(new HttpRequestDecoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(8_192).setMaxHeaderSize(16_384)
                        .setValidateHeaders(true).setUseRfc9112TransferEncoding(true)));
        byte[] one = request.equals("get") ? GET : POST;
        burst = PooledByteBufAllocator.DEFAULT.directBuffer(one.length * BURST);
        for (int i = 0; i < BURST; i++) {
            burst.writeBytes(one);
        }
    }

    @TearDown
    public void tearDown() {
        burst.release();
        channel.finishAndReleaseAll();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int decodeBurst() {
        channel.writeInbound(burst.retainedDuplicate());
        int messages = 0;
        Object message;
        while ((message = channel.readInbound()) != null) {
            ReferenceCountUtil.release(message);
            messages++;
        }
        if (methods != null) {
            while (methods.poll() != null) {
                messages++;
            }
        }
        return messages;
    }
}
