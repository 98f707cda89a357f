package io.bramble.fs.brick.wire;

import io.bramble.common.time.Clock;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.OpenedXattrs;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.ops.XattrsPage;
import io.bramble.pool.link.BadFrames;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A brick on another node (or this one) as {@link FileOps}: each call is a request on one
 * mutual-TLS connection, pipelined with the others, answered within the call's deadline or
 * failed with ETIMEDOUT. The server must show a certificate of the pool's authority.
 *
 * <p>The client connects in the background and reconnects the same way after a drop, waiting
 * longer after each failure up to a bound. While it is not connected, calls fail at once with
 * ENOTCONN, so that the layer above can turn to another replica. Files opened on a connection
 * that dropped are stale (ESTALE): the server closed them with the connection, and reopening
 * them silently could hand a caller a file that has since been replaced.
 */
public final class BrickClient implements FileOps {
    private static final Logger log = LoggerFactory.getLogger(BrickClient.class);
    /** Calls on open files carry no caller; the server applies none to them. */
    private static final Caller NO_CALLER = Caller.ROOT;

    private final BrickTarget target;
    private final PoolTls tls;
    private final ClientSettings settings;
    private final Clock clock;
    private final EventLoopGroup group;
    private final Backoff backoff;
    private final BadFrames bad = new BadFrames();
    private final RemoteHandles handles = new RemoteHandles();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong epochs = new AtomicLong();
    private final Object connectedSignal = new Object();
    private volatile ClientConnection current;
    private volatile boolean closed;
    /**
     * The address this client last connected from, when the brick refused it by the volume's
     * {@code auth.allow} / {@code auth.reject}; null while it is admitted or has not asked.
     */
    private volatile InetAddress refusedFrom;

    BrickClient(BrickTarget target, PoolTls tls, ClientSettings settings, Clock clock,
            RandomGenerator random) {
        this.target = target;
        this.tls = tls;
        this.settings = settings;
        this.clock = clock;
        this.group = EventLoops.group(1, "brick-client");
        this.backoff = new Backoff(settings.reconnectDelayMsMin(), settings
                .reconnectDelayMsMax(), random);
    }

    /**
     * A client of the brick at {@code target}, presenting this node's credentials. Returns at
     * once; the first connection is made in the background (see {@link #awaitConnected}).
     */
    public static BrickClient connect(BrickTarget target, PoolTls tls, ClientSettings settings) {
        BrickClient client = new BrickClient(target, tls, settings, Clock.system(),
                new SplittableRandom());
        client.attempt();
        return client;
    }

    public BrickTarget target() {
        return target;
    }

    /** Whether the client is attached to its brick now. */
    public boolean isConnected() {
        return current != null;
    }

    /**
     * The address this client connected from when the brick last refused it for the volume's
     * {@code auth.allow} / {@code auth.reject} (it goes on asking); empty once admitted.
     */
    public Optional<InetAddress> refusedFrom() {
        return Optional.ofNullable(refusedFrom);
    }

    /**
     * Waits up to {@code timeoutMs} for the connection; whether it is up. A brick that refuses
     * the client ends the wait at once.
     */
    public boolean awaitConnected(long timeoutMs) throws InterruptedException {
        long deadlineNs = clock.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (connectedSignal) {
            while (current == null && !closed && refusedFrom == null) {
                long leftMs = (deadlineNs - clock.nanoTime()) / 1_000_000L;
                if (leftMs <= 0) {
                    return false;
                }
                connectedSignal.wait(leftMs);
            }
            return current != null;
        }
    }

    /** Tells {@code listener} of every later change between connected and not. */
    public void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    // --- connecting ---

    private void attempt() {
        if (closed) {
            return;
        }
        ClientConnection connection = new ClientConnection(epochs.incrementAndGet(), settings
                .inFlightMax(), clock);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(EventLoops.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMs())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler ssl = tls.tls().client().newHandler(ch.alloc(), target
                                .host(), target.port());
                        ssl.setHandshakeTimeoutMillis(settings.connectTimeoutMs());
                        ch.pipeline().addLast("tls", ssl);
                        Framing.install(ch.pipeline(), bad);
                        ch.pipeline().addBefore(Framing.BAD_INPUT, "calls", connection);
                        ssl.handshakeFuture().addListener(done -> {
                            if (done.isSuccess() && tls.trusts(ssl)) {
                                attach(ch, connection);
                            } else {
                                ch.close(); // unreachable, or not a member of the pool
                            }
                        });
                    }
                });
        try {
            ChannelFuture connecting = bootstrap.connect(target.host(), target.port());
            Channel channel = connecting.channel();
            channel.closeFuture().addListener(f -> lost(connection));
            connecting.addListener(f -> {
                if (!f.isSuccess()) {
                    channel.close();
                }
            });
        } catch (RejectedExecutionException stopping) {
            // closed meanwhile
        }
    }

    private void attach(Channel channel, ClientConnection connection) {
        connection.attach(target.volume(), target.brickPath())
                .orTimeout(settings.connectTimeoutMs(), TimeUnit.MILLISECONDS)
                .whenComplete((reply, error) -> {
                    if (error == null && reply instanceof Reply.Done && !closed) {
                        refusedFrom = null;
                        up(connection);
                    } else {
                        if (reply instanceof Reply.Failed failed
                                && failed.errno() == Errno.EACCES) {
                            refused(((InetSocketAddress) channel.localAddress()).getAddress());
                        }
                        channel.close(); // brick not served there, or no answer
                    }
                });
    }

    private void refused(InetAddress from) {
        if (refusedFrom == null) {
            log.warn("brick {} refuses this client ({}) by its volume's auth.allow and"
                    + " auth.reject", target, from.getHostAddress());
        }
        refusedFrom = from;
        synchronized (connectedSignal) {
            connectedSignal.notifyAll();
        }
    }

    private void up(ClientConnection connection) {
        connection.startWatch(settings.pingTimeoutMs(), () -> log.warn("brick {} answered"
                + " nothing for {} ms, not even a ping: connection dropped, its calls fail"
                + " (network.ping-timeout)", target, settings.pingTimeoutMs()));
        current = connection;
        backoff.reset();
        synchronized (connectedSignal) {
            connectedSignal.notifyAll();
        }
        listeners.forEach(l -> l.connectionChanged(this, true));
    }

    /** The channel of {@code connection} closed: report it and try again later. */
    private void lost(ClientConnection connection) {
        if (current == connection) {
            current = null;
            listeners.forEach(l -> l.connectionChanged(this, false));
        }
        if (closed) {
            return;
        }
        try {
            group.schedule(this::attempt, backoff.nextDelayMs(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // closed meanwhile
        }
    }

    // --- calls ---

    private ClientConnection connection() throws FsException {
        ClientConnection connection = current;
        if (connection == null || closed) {
            throw new FsException(Errno.ENOTCONN, closed
                    ? "client closed"
                    : "not connected to "
                            + target);
        }
        return connection;
    }

    private Reply call(ClientConnection connection, Caller caller, Call call)
            throws FsException {
        Reply reply = connection.call(caller, call, settings.deadlineMs());
        if (reply instanceof Reply.Failed failed) {
            throw new FsException(failed.errno());
        }
        return reply;
    }

    private <R extends Reply> R call(Caller caller, Call call, Class<R> expected)
            throws FsException {
        return expect(call(connection(), caller, call), expected);
    }

    private static <R extends Reply> R expect(Reply reply, Class<R> expected)
            throws FsException {
        if (!expected.isInstance(reply)) {
            throw new FsException(Errno.EIO, "the brick answered " + reply.getClass()
                    .getSimpleName() + " where " + expected.getSimpleName() + " was due");
        }
        return expected.cast(reply);
    }

    /** A call on an open file, sent with the server's handle on the file's own connection. */
    private <R extends Reply> R onHandle(long handle, LongFunction<Call> call,
            Class<R> expected) throws FsException {
        ClientConnection connection = current;
        long serverHandle = handles.serverHandle(handle, connection == null
                ? -1
                : connection.epoch);
        return expect(call(connection, NO_CALLER, call.apply(serverHandle)), expected);
    }

    private Opened opened(ClientConnection connection, Reply.Handle reply) {
        Opened opened = reply.opened();
        return new Opened(handles.add(connection.epoch, opened.handle()), opened.attr());
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        return call(caller, new Call.Getattr(path), Reply.Attrs.class).attr();
    }

    /** One round trip, where the default would take three or more. */
    @Override
    public AttrXattrs getattrXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        return call(caller, new Call.GetattrXattrs(path, prefix), Reply.AttrsXattrs.class)
                .read();
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        return call(caller, new Call.Setattr(path, changes), Reply.Attrs.class).attr();
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        return call(caller, new Call.Mkdir(path, id, mode), Reply.Attrs.class).attr();
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        return call(caller, new Call.Mknod(path, id, mode, rdev), Reply.Attrs.class).attr();
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        return call(caller, new Call.Symlink(path, id, target), Reply.Attrs.class).attr();
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        return call(caller, new Call.Readlink(path), Reply.Text.class).text();
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        call(caller, new Call.Unlink(path), Reply.Done.class);
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        call(caller, new Call.Rmdir(path), Reply.Done.class);
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        call(caller, new Call.Rename(from, to, flags), Reply.Done.class);
    }

    @Override
    public Map<String, byte[]> unlinkXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        return call(caller, new Call.UnlinkXattrs(path, prefix), Reply.Xattrs.class).xattrs();
    }

    @Override
    public Map<String, byte[]> rmdirXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        return call(caller, new Call.RmdirXattrs(path, prefix), Reply.Xattrs.class).xattrs();
    }

    @Override
    public Map<String, byte[]> renameXattrs(Caller caller, FsPath from, FsPath to, int flags,
            String prefix) throws FsException {
        return call(caller, new Call.RenameXattrs(from, to, flags, prefix), Reply.Xattrs.class)
                .xattrs();
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        return call(caller, new Call.Link(existing, newPath), Reply.Attrs.class).attr();
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        ClientConnection connection = connection();
        return opened(connection, expect(call(connection, caller, new Call.Create(path, id,
                mode, flags)), Reply.Handle.class));
    }

    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        ClientConnection connection = connection();
        return opened(connection, expect(call(connection, caller, new Call.Open(path, flags)),
                Reply.Handle.class));
    }

    /** One round trip, where the default would take two or more. */
    @Override
    public OpenedXattrs openXattrs(Caller caller, FsPath path, int flags, String prefix)
            throws FsException {
        ClientConnection connection = connection();
        OpenedXattrs read = expect(call(connection, caller, new Call.OpenXattrs(path, flags,
                prefix)), Reply.HandleXattrs.class).read();
        return new OpenedXattrs(opened(connection, new Reply.Handle(read.opened())), read
                .xattrs());
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        if (sizeBytes > FrameCodec.DATA_BYTES_MAX) {
            throw new FsException(Errno.EINVAL, "a read of " + sizeBytes + " bytes");
        }
        return onHandle(handle, h -> new Call.Read(h, offset, sizeBytes), Reply.Data.class)
                .bytes();
    }

    @Override
    public int write(long handle, long offset, byte[] data) throws FsException {
        if (data.length > FrameCodec.DATA_BYTES_MAX) {
            throw new FsException(Errno.EINVAL, "a write of " + data.length + " bytes");
        }
        return (int) onHandle(handle, h -> new Call.Write(h, offset, data), Reply.Number.class)
                .value();
    }

    @Override
    public void flush(long handle) throws FsException {
        onHandle(handle, Call.Flush::new, Reply.Done.class);
    }

    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        onHandle(handle, h -> new Call.Fsync(h, dataOnly), Reply.Done.class);
    }

    /** Forgets the handle; a stale one needs nothing more, its connection took it along. */
    @Override
    public void release(long handle) throws FsException {
        RemoteHandles.Remote remote = handles.remove(handle);
        if (remote == null) {
            throw new FsException(Errno.EBADF, "handle " + handle);
        }
        ClientConnection connection = current;
        if (connection != null && connection.epoch == remote.epoch()) {
            expect(call(connection, NO_CALLER, new Call.Release(remote.serverHandle())),
                    Reply.Done.class);
        }
    }

    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        return onHandle(handle, h -> new Call.Fsetattr(h, changes), Reply.Attrs.class).attr();
    }

    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        onHandle(handle, h -> new Call.Fallocate(h, mode, offset, lengthBytes),
                Reply.Done.class);
    }

    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        return onHandle(handle, h -> new Call.Lseek(h, offset, whence), Reply.Number.class)
                .value();
    }

    @Override
    public DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        return call(caller, new Call.Readdir(dir, afterName, entriesMax), Reply.Page.class)
                .page();
    }

    @Override
    public XattrsPage readdirXattrs(Caller caller, FsPath dir, String afterName,
            int entriesMax, String prefix) throws FsException {
        return call(caller, new Call.ReaddirXattrs(dir, afterName, entriesMax, prefix),
                Reply.PageXattrs.class).page();
    }

    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        return call(caller, new Call.Statfs(path), Reply.Space.class).statFs();
    }

    @Override
    public byte[] getxattr(Caller caller, FsPath path, String name) throws FsException {
        return call(caller, new Call.Getxattr(path, name), Reply.Data.class).bytes();
    }

    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        return call(caller, new Call.Listxattr(path), Reply.Names.class).names();
    }

    @Override
    public void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException {
        call(caller, new Call.Setxattr(path, name, value, flags), Reply.Done.class);
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String name) throws FsException {
        call(caller, new Call.Removexattr(path, name), Reply.Done.class);
    }

    /** Closes the connection and stops reconnecting; waiting calls fail with ENOTCONN. */
    @Override
    public void close() {
        closed = true;
        ClientConnection connection = current;
        if (connection != null) {
            connection.close();
        }
        handles.clear();
        synchronized (connectedSignal) {
            connectedSignal.notifyAll();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
