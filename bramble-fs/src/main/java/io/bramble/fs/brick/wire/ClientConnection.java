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

    void close() {
        Channel open = channel;
        if (open != null) {
            open.close();
        }
    }
}
