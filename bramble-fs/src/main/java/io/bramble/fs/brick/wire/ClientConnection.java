package io.bramble.fs.brick.wire;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.wire.Frame.Attach;
import io.bramble.fs.brick.wire.Frame.Request;
import io.bramble.fs.brick.wire.Frame.Response;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection of a brick client: calls are pipelined, each waiting for the reply with its
 * id until its deadline. A call that times out is abandoned (its late reply is dropped); when
 * the connection drops, every waiting call fails with ENOTCONN at once.
 */
final class ClientConnection extends SimpleChannelInboundHandler<Frame> {
    /** The attach is the connection's first frame and the only one with this id. */
    private static final long ATTACH_ID = 0;

    /** Which connection of its client this is: handles opened on another are stale. */
    final long epoch;
    private final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(ATTACH_ID + 1);
    private final Semaphore inFlight;
    private final Clock clock;
    private volatile Channel channel;
    private volatile boolean lost;
    /** When the server was last heard, or calls started waiting after a quiet spell. */
    private volatile long heardNs;
    /** Whether a ping is out since the server was last heard. */
    private volatile boolean pinged;

    ClientConnection(long epoch, int inFlightMax, Clock clock) {
        this.epoch = epoch;
        this.inFlight = new Semaphore(inFlightMax);
        this.clock = clock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    /** Sends the attach; completes with the server's answer. */
    CompletableFuture<Reply> attach(String volume, String brickPath) {
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        pending.put(ATTACH_ID, answer);
        Framing.send(channel, new Attach(ATTACH_ID, FrameCodec.PROTOCOL_VERSION, volume,
                brickPath));
        return answer;
    }

    /** Sends {@code call} and waits up to {@code deadlineMs} for its reply. */
    Reply call(Caller caller, Call call, int deadlineMs) throws FsException {
        long deadlineNs = clock.nanoTime() + deadlineMs * 1_000_000L;
        try {
            if (!inFlight.tryAcquire(deadlineMs, TimeUnit.MILLISECONDS)) {
                throw new FsException(Errno.ETIMEDOUT, deadlineMs + " ms waiting to send");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FsException(Errno.EINTR, "interrupted");
        }
        try {
            return send(caller, call, deadlineNs);
        } finally {
            inFlight.release();
        }
    }

    private Reply send(Caller caller, Call call, long deadlineNs) throws FsException {
        long id = ids.getAndIncrement();
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        if (pending.isEmpty()) {
            heardNs = clock.nanoTime(); // silence counts from when calls start waiting
        }
        pending.put(id, answer);
        if (lost) { // dropped before the call was registered: no one else will fail it
            pending.remove(id);
            throw new FsException(Errno.ENOTCONN, "connection lost");
        }
        long remainingNs = Math.max(1_000_000L, deadlineNs - clock.nanoTime());
        try {
            Framing.send(channel, new Request(id, (int) Math.max(1, remainingNs / 1_000_000L),
                    caller, call)).addListener(written -> {
                        if (!written.isSuccess()) {
                            answer.completeExceptionally(new FsException(Errno.ENOTCONN,
                                    "connection lost"));
                        }
                    });
            return answer.get(remainingNs, TimeUnit.NANOSECONDS);
        } catch (IllegalArgumentException tooLarge) {
            throw new FsException(Errno.EINVAL, tooLarge.getMessage());
        } catch (TimeoutException e) {
            throw new FsException(Errno.ETIMEDOUT, "no reply within the deadline");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof FsException failure
                    ? failure
                    : new FsException(Errno.EIO, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FsException(Errno.EINTR, "interrupted");
        } finally {
            pending.remove(id);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        heardNs = clock.nanoTime();
        pinged = false;
        if (frame instanceof Frame.Pong) {
            return;
        }
        if (!(frame instanceof Response response)) {
            ctx.close(); // a server sends nothing else
            return;
        }
        CompletableFuture<Reply> answer = pending.remove(response.id());
        if (answer != null) { // else the call gave up already
            answer.complete(response.reply());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        lost = true;
        FsException gone = new FsException(Errno.ENOTCONN, "connection lost");
        for (Long id : pending.keySet()) {
            CompletableFuture<Reply> answer = pending.remove(id);
            if (answer != null) {
                answer.completeExceptionally(gone);
            }
        }
        super.channelInactive(ctx);
    }

    /**
     * Starts {@link #watch} on the connection's event loop until it closes; {@code onDrop}
     * runs when the watch drops it.
     */
    void startWatch(long pingTimeoutMs, Runnable onDrop) {
        Channel open = channel;
        long everyMs = Liveness.checkEveryMs(pingTimeoutMs);
        heardNs = clock.nanoTime();
        ScheduledFuture<?> task = open.eventLoop().scheduleAtFixedRate(() -> {
            if (watch(pingTimeoutMs)) {
                onDrop.run();
            }
        }, everyMs, everyMs, TimeUnit.MILLISECONDS);
        open.closeFuture().addListener(closed -> task.cancel(false));
    }

    /**
     * Judges the server's silence while calls wait ({@link Liveness}): pings it, or drops the
     * connection, which fails the waiting calls with ENOTCONN at once. Runs on the channel's
     * event loop every {@link Liveness#checkEveryMs}.
     *
     * @return true when it dropped the connection
     */
    boolean watch(long pingTimeoutMs) {
        long silentNs = clock.nanoTime() - heardNs;
        switch (Liveness.step(!pending.isEmpty(), silentNs, pinged, pingTimeoutMs
                * 1_000_000L)) {
            case PING -> {
                pinged = true;
                Framing.send(channel, new Frame.Ping(ids.getAndIncrement()));
            }
            case DROP -> {
                close();
                return true;
            }
            case WAIT -> {
                // heard recently, or nothing waits
            }
        }
        return false;
    }

    void close() {
        Channel open = channel;
        if (open != null) {
            open.close();
        }
    }
}
