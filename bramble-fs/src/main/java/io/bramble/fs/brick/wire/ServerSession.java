package io.bramble.fs.brick.wire;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.wire.Frame.Attach;
import io.bramble.fs.brick.wire.Frame.Ping;
import io.bramble.fs.brick.wire.Frame.Pong;
import io.bramble.fs.brick.wire.Frame.Request;
import io.bramble.fs.brick.wire.Frame.Response;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.pool.link.BadFrames;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection to the brick server, between the framing handlers and the disk workers. Its
 * first frame is checked against the pool's authority (a peer the pool did not certify is
 * closed and counted) and must attach the connection to a brick the server serves; every
 * later frame must be a request, run on a worker through that brick. Too many requests in
 * flight pause reading from the connection: a client cannot queue unbounded work.
 *
 * <p>A request whose connection is closed before it starts is not run. A client closes a
 * connection when it gives up on the server (a stopped process, a cut link): the calls it was
 * waiting for have failed on its side, and the volume has already blamed this copy for them.
 * Run late, after a heal had made the copy whole, such a call would put back data the heal
 * replaced. Requests are handed to the workers from a task on the connection's event loop, so
 * a close read in the same pass as the request, as after a stopped process resumes, is seen
 * before the request is run.
 */
final class ServerSession extends SimpleChannelInboundHandler<Frame> {
    /** What a session needs from its server. */
    interface Host {
        /** The brick served under {@code key}, registering {@code session} with it; or null. */
        FileOps attach(BrickKey key, ServerSession session);

        /** Whether {@code session} may attach to the bricks of {@code volume}. */
        boolean admits(String volume, ServerSession session);

        void detach(BrickKey key, ServerSession session);

        void answered(boolean expired);

        /** A request was not run: its client closed the connection before it could start. */
        void abandoned();
    }

    private final Host host;
    private final PoolTls tls;
    private final BadFrames bad;
    private final Executor workers;
    private final Clock clock;
    private final int inFlightMax;
    private final SessionHandles handles = new SessionHandles();
    private final AtomicInteger inFlight = new AtomicInteger();
    private Channel channel;
    private UUID member;
    private volatile FileOps brick;
    private BrickKey key;

    ServerSession(Host host, PoolTls tls, BadFrames bad, Executor workers, Clock clock,
            int inFlightMax) {
        this.host = host;
        this.tls = tls;
        this.bad = bad;
        this.workers = workers;
        this.clock = clock;
        this.inFlightMax = inFlightMax;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        if (member == null) {
            Optional<UUID> certified = tls.member(ctx.pipeline().get(SslHandler.class));
            if (certified.isEmpty()) {
                bad.notMember();
                ctx.close();
                return;
            }
            member = certified.get();
        }
        if (brick == null) {
            if (frame instanceof Attach attach) {
                attach(ctx, attach);
            } else {
                bad.malformed();
                ctx.close();
            }
        } else if (frame instanceof Request request) {
            accept(ctx, request);
        } else if (frame instanceof Ping ping) {
            Framing.send(ctx.channel(), new Pong(ping.id()));
        } else {
            bad.malformed(); // a second attach, or a response: not what a client sends
            ctx.close();
        }
    }

    private void attach(ChannelHandlerContext ctx, Attach attach) {
        if (attach.version() != FrameCodec.PROTOCOL_VERSION) {
            refuse(ctx, attach, Errno.EOPNOTSUPP);
            return;
        }
        if (!host.admits(attach.volume(), this)) {
            refuse(ctx, attach, Errno.EACCES);
            return;
        }
        BrickKey wanted = new BrickKey(attach.volume(), attach.brickPath());
        FileOps served = host.attach(wanted, this);
        if (served == null) {
            refuse(ctx, attach, Errno.ENOENT);
            return;
        }
        key = wanted;
        brick = served;
        Framing.send(ctx.channel(), new Response(attach.id(), Reply.DONE));
    }

    private static void refuse(ChannelHandlerContext ctx, Attach attach, int errno) {
        Framing.send(ctx.channel(), new Response(attach.id(), new Reply.Failed(errno)))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void accept(ChannelHandlerContext ctx, Request request) {
        long deadlineNs = clock.nanoTime() + request.deadlineMs() * 1_000_000L;
        if (inFlight.incrementAndGet() >= inFlightMax) {
            ctx.channel().config().setAutoRead(false);
        }
        ctx.channel().eventLoop().execute(() -> handOver(ctx, request, deadlineNs));
    }

    /** On the event loop, once the pass that read {@code request} has ended. */
    private void handOver(ChannelHandlerContext ctx, Request request, long deadlineNs) {
        if (!channel.isActive()) {
            abandon();
            return;
        }
        try {
            workers.execute(() -> run(request, deadlineNs));
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            ctx.close(); // the server is stopping
        }
    }

    private void abandon() {
        inFlight.decrementAndGet();
        host.abandoned();
    }

    /** On a worker: runs the call unless its deadline passed while it waited. */
    private void run(Request request, long deadlineNs) {
        if (!channel.isActive()) {
            abandon();
            return;
        }
        try {
            boolean expired = clock.nanoTime() > deadlineNs;
            Reply reply = expired
                    ? new Reply.Failed(Errno.ETIMEDOUT)
                    : Dispatch.run(brick, handles, request.caller(), request.call());
            host.answered(expired);
            answer(request.id(), reply);
        } finally {
            if (inFlight.decrementAndGet() <= inFlightMax / 2 && !channel.config()
                    .isAutoRead()) {
                channel.config().setAutoRead(true);
            }
        }
    }

    private void answer(long id, Reply reply) {
        try {
            Framing.send(channel, new Response(id, reply));
        } catch (IllegalArgumentException tooLarge) {
            Framing.send(channel, new Response(id, new Reply.Failed(Errno.EIO)));
        }
    }

    /** The address the connection came from. */
    InetAddress client() {
        return ((InetSocketAddress) channel.remoteAddress()).getAddress();
    }

    /** The pool member the connection's certificate names; null before its first frame. */
    UUID member() {
        return member;
    }

    /** Closes the connection (its brick stops being served). */
    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        FileOps attached = brick;
        if (key != null) {
            host.detach(key, this);
        }
        if (attached != null) {
            releaseLeftovers(attached);
        }
        super.channelInactive(ctx);
    }

    /** Files the client left open go with its connection, released on a worker. */
    private void releaseLeftovers(FileOps attached) {
        var left = handles.drain();
        if (left.isEmpty()) {
            return;
        }
        Runnable release = () -> {
            for (long handle : left) {
                try {
                    attached.release(handle);
                } catch (FsException e) {
                    // already closed with its brick
                }
            }
        };
        try {
            workers.execute(release);
        } catch (RejectedExecutionException e) {
            release.run(); // the workers are gone: release here, the server is stopping
        }
    }
}
