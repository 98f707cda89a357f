package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Error;
import io.bramble.fs.fuse.FuseRequest.BatchForget;
import io.bramble.fs.fuse.FuseRequest.Forget;
import io.bramble.fs.fuse.FuseRequest.Init;
import io.bramble.fs.fuse.FuseRequest.Interrupt;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads serving one mount. Readers take requests off the device into buffers of
 * max_write and a page, decode them (copying out names and write data) and queue them for
 * the workers, which call the layers and write each reply in one write(2). Forgets and
 * interrupts, which get no reply, are handled on the reader. Serving ends when the
 * device reports the mount gone (unmounted or aborted) or on {@link #stop}; either way the
 * workers drain and the device is closed.
 */
final class FuseServer {
    /** How often a waiting reader looks for a stop. */
    static final int POLL_INTERVAL_MS = 200;
    /** The kernel sends INIT as soon as the mount exists; ten seconds means it did not. */
    static final long INIT_TIMEOUT_MS = 10_000;
    /** How long a stop waits for queued requests to be answered. */
    static final long DRAIN_TIMEOUT_MS = 10_000;
    /** Room past max_write for the request header and the write's own struct. */
    static final int HEADROOM_BYTES = 4096;
    private static final int EPROTO = 71;

    private static final Logger log = LoggerFactory.getLogger(FuseServer.class);

    private final FuseDevice device;
    private final RequestDispatcher dispatcher;
    private final RequestTap tap;
    private final int bufferBytes;
    private final List<Thread> readers = new ArrayList<>();
    private final BoundedWorkers workers;
    private final AtomicInteger readersRunning = new AtomicInteger();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopping;

    FuseServer(FuseDevice device, RequestDispatcher dispatcher, FuseOptions options,
            RequestTap tap) {
        this.device = device;
        this.dispatcher = dispatcher;
        this.tap = tap;
        this.bufferBytes = options.maxWriteBytes() + HEADROOM_BYTES;
        this.workers = new BoundedWorkers("fuse-worker", options.workerThreads(),
                options.requestsQueuedMax());
        for (int i = 0; i < options.readerThreads(); i++) {
            readers.add(Thread.ofPlatform().name("fuse-reader-" + i).daemon()
                    .unstarted(this::readLoop));
        }
    }

    /** Answers the kernel's INIT, which must be the first request; fails when none comes. */
    static Negotiated handshake(FuseDevice device, FuseOptions options, RequestTap tap)
            throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(INIT_TIMEOUT_MS);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(options.maxWriteBytes() + HEADROOM_BYTES);
            while (System.nanoTime() < deadline) {
                int length = device.read(buffer);
                if (length == FuseDevice.GONE) {
                    throw new FuseProtocolException("the mount went away before INIT");
                }
                if (length == FuseDevice.NOTHING) {
                    device.awaitRequest(POLL_INTERVAL_MS);
                    continue;
                }
                ByteBuffer message = buffer.asSlice(0, length).asByteBuffer();
                tap.seen(message.duplicate());
                return answerInit(device, options, RequestDecoder.decode(message));
            }
        } catch (MalformedRequestException e) {
            throw new FuseProtocolException("the first request is garbled: " + e.getMessage());
        }
        throw new FuseProtocolException("no INIT from the kernel in " + INIT_TIMEOUT_MS + " ms");
    }

    private static Negotiated answerInit(FuseDevice device, FuseOptions options,
            Request request) throws FuseProtocolException {
        long unique = request.header().unique();
        if (!(request.body() instanceof Init init)) {
            device.reply(ReplyEncoder.encode(unique, new Error(EPROTO)));
            throw new FuseProtocolException("the first request is "
                    + FuseOpcode.name(request.header().opcode()) + ", not INIT");
        }
        try {
            Negotiated negotiated = InitNegotiation.answer(init, options);
            device.reply(ReplyEncoder.encode(unique, negotiated.reply()));
            return negotiated;
        } catch (FuseProtocolException e) {
            device.reply(ReplyEncoder.encode(unique, new Error(EPROTO)));
            throw e;
        }
    }

    void start() {
        workers.start();
        readersRunning.set(readers.size());
        readers.forEach(Thread::start);
    }

    /** Stops reading, lets queued requests finish and closes the device; idempotent. */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread reader : readers) {
            reader.join();
        }
        finish();
        ended.await();
    }

    boolean awaitEnd(long timeoutMs) throws InterruptedException {
        return ended.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    boolean hasEnded() {
        return ended.getCount() == 0;
    }

    private void readLoop() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(bufferBytes, InitNegotiation.PAGE_BYTES);
            while (!stopping) {
                int length = device.read(buffer);
                if (length == FuseDevice.GONE) {
                    break;
                }
                if (length == FuseDevice.NOTHING) {
                    device.awaitRequest(POLL_INTERVAL_MS);
                    continue;
                }
                handle(buffer.asSlice(0, length).asByteBuffer());
            }
        } catch (IOException | RuntimeException e) {
            log.error("a FUSE reader failed; it stops", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (readersRunning.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    private void handle(ByteBuffer message) throws InterruptedException {
        tap.seen(message.duplicate());
        RequestHeader header;
        try {
            header = RequestDecoder.header(message);
        } catch (MalformedRequestException e) {
            log.warn("a request without a valid header: {}", e.getMessage());
            return;
        }
        FuseRequest body;
        try {
            body = RequestDecoder.body(header, message);
        } catch (MalformedRequestException e) {
            log.warn("{}", e.getMessage());
            reply(header.unique(), new Error(e.errno()));
            return;
        }
        Request request = new Request(header, body);
        if (body instanceof Forget || body instanceof BatchForget || body instanceof Interrupt) {
            dispatcher.dispatch(request);
            return;
        }
        workers.submit(() -> reply(header.unique(), dispatcher.dispatch(request)),
                () -> stopping);
    }

    private void reply(long unique, FuseReply reply) {
        byte[] bytes = ReplyEncoder.encode(unique, reply);
        if (bytes != null) {
            device.reply(bytes);
        }
    }

    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            workers.shutdown(DRAIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            device.close();
            ended.countDown();
        }
    }
}
