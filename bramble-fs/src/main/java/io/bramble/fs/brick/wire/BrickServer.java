package io.bramble.fs.brick.wire;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.fs.ops.FileOps;
import io.bramble.pool.link.BadFrames;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a node's bricks over the brick protocol. One TCP port carries every brick the node
 * serves, each connection naming its brick in its first frame: one listener and one firewall
 * rule per node, where Gluster gives each brick a port of its own from 49152 up, which users
 * must open and look up in {@code volume status}. Connections are mutual TLS, and only peers
 * certified by the pool's authority are served.
 *
 * <p>Event-loop threads do TLS and framing only; each request runs on a worker through its
 * brick's {@link FileOps}, since disk calls block.
 */
public final class BrickServer implements AutoCloseable, ServerSession.Host {
    /** The port of the first Gluster brick, which bramble's single brick port takes. */
    public static final int PORT_DEFAULT = 49152;
    /** Disk workers of a server that makes its own: enough to keep a few disks busy. */
    public static final int WORKERS_DEFAULT = 16;

    /** How long {@link #close} waits for the connections to close before it goes on. */
    private static final long CLOSE_WAIT_MS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(BrickServer.class);

    private final Map<BrickKey, FileOps> served = new ConcurrentHashMap<>();
    private final Map<BrickKey, Set<ServerSession>> sessions = new ConcurrentHashMap<>();
    /** Each volume's rule, where it has one other than {@link BrickAccess#EVERYONE}. */
    private final Map<String, BrickAccess> access = new ConcurrentHashMap<>();
    private final BadFrames bad = new BadFrames(LOG::info);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    /** The connections open now (a closed one leaves the group by itself). */
    private final ChannelGroup accepted = new DefaultChannelGroup("brick-connections",
            GlobalEventExecutor.INSTANCE);
    private final EventLoopGroup group;
    private final ExecutorService ownWorkers;
    private final Channel listener;

    private BrickServer(EventLoopGroup group, ExecutorService ownWorkers,
            InetSocketAddress address, Supplier<PoolTls> tls, Executor workers,
            ServerSettings settings, Clock clock) {
        this.group = group;
        this.ownWorkers = ownWorkers;
        ServerBootstrap bootstrap = new ServerBootstrap().group(group)
                .channel(EventLoops.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (connections.incrementAndGet() > settings.connectionsMax()) {
                            connections.decrementAndGet();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> connections.decrementAndGet());
                        accepted.add(ch);
                        PoolTls credentials = tls.get();
                        ch.pipeline().addLast("tls", credentials.tls().server().newHandler(ch
                                .alloc()));
                        Framing.install(ch.pipeline(), bad);
                        ch.pipeline().addBefore(Framing.BAD_INPUT, "session", new ServerSession(
                                BrickServer.this, credentials, bad, workers, clock, settings
                                        .inFlightMax()));
                    }
                });
        try {
            listener = bootstrap.bind(address).sync().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (ownWorkers != null) {
                ownWorkers.shutdown();
            }
            throw new UserError(UserError.EXIT_RUNTIME, "cannot listen for bricks on "
                    + address.getHostString() + ":" + address.getPort() + " (" + e.getMessage()
                    + "); is a glusterfsd or another bramble node using it? Choose another"
                    + " brick port", e);
        }
    }

    /**
     * Listens on {@code address} with the default bounds, running requests on workers of its
     * own.
     *
     * @param tls this node's credentials, asked again for each new connection (they change
     *     when the node joins a pool)
     */
    public static BrickServer start(InetSocketAddress address, Supplier<PoolTls> tls) {
        ExecutorService workers = workers(WORKERS_DEFAULT);
        return new BrickServer(EventLoops.group(ServerSettings.DEFAULTS.eventLoopThreads(),
                "brick-io"), workers, address, tls, workers, ServerSettings.DEFAULTS,
                Clock
                        .system());
    }

    /**
     * Listens on {@code address}, running requests on {@code workers} (which the caller
     * owns; they should be platform threads, as disk calls pin a virtual thread's carrier).
     */
    public static BrickServer start(InetSocketAddress address, Supplier<PoolTls> tls,
            Executor workers, ServerSettings settings, Clock clock) {
        return new BrickServer(EventLoops.group(settings.eventLoopThreads(), "brick-io"), null,
                address, tls, workers, settings, clock);
    }

    /** A pool of {@code threads} daemon threads for disk calls. */
    public static ExecutorService workers(int threads) {
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name(
                "brick-worker-", 0).factory());
    }

    /** Serves {@code brick} to connections that name {@code volume} and {@code brickPath}. */
    public void serve(String volume, String brickPath, FileOps brick) {
        served.put(new BrickKey(volume, brickPath), brick);
    }

    /**
     * Stops serving a brick: its connections close, and the files they held open are
     * released. The brick itself stays open; its owner closes it.
     */
    public void stop(String volume, String brickPath) {
        BrickKey key = new BrickKey(volume, brickPath);
        served.remove(key);
        Set<ServerSession> attached = sessions.remove(key);
        if (attached != null) {
            attached.forEach(ServerSession::close);
        }
    }

    /**
     * Applies {@code rule} to the connections that attach to {@code volume}'s bricks from now
     * on, and closes those attached already that it does not admit, as Gluster's bricks do
     * when {@code auth.allow} or {@code auth.reject} changes.
     */
    public void admit(String volume, BrickAccess rule) {
        if (rule == BrickAccess.EVERYONE) {
            access.remove(volume);
            return;
        }
        access.put(volume, rule);
        sessions.forEach((key, attached) -> {
            if (key.volume().equals(volume)) {
                attached.stream().filter(s -> !admits(volume, s)).forEach(ServerSession::close);
            }
        });
    }

    @Override
    public boolean admits(String volume, ServerSession session) {
        return access.getOrDefault(volume, BrickAccess.EVERYONE).admits(session.client(),
                session.member());
    }

    @Override
    public FileOps attach(BrickKey key, ServerSession session) {
        sessions.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(session);
        FileOps brick = served.get(key);
        if (brick == null) { // not served, or stopped meanwhile
            detach(key, session);
        }
        return brick;
    }

    @Override
    public void detach(BrickKey key, ServerSession session) {
        sessions.computeIfPresent(key, (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void answered(boolean wasExpired) {
        requests.incrementAndGet();
        if (wasExpired) {
            expired.incrementAndGet();
        }
    }

    @Override
    public void abandoned() {
        abandoned.incrementAndGet();
    }

    /** Connections attached to the brick served as {@code brickPath} of {@code volume}. */
    public int attached(String volume, String brickPath) {
        Set<ServerSession> attached = sessions.get(new BrickKey(volume, brickPath));
        return attached == null ? 0 : attached.size();
    }

    /** Its network threads, for tests that hold them as a stopped process would. */
    EventLoopGroup ioThreads() {
        return group;
    }

    /** The port it listens on (the one asked for, or the one the system chose for 0). */
    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public ServerCounters counters() {
        return new ServerCounters(requests.get(), expired.get(), abandoned.get(),
                bad.malformedCount() + bad
                        .oversizedCount(),
                bad.notMemberCount());
    }

    /** Stops listening and closes every connection; workers of its own are shut down. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        served.clear();
        // Closed while their event loops still run, so that each session sees its end and
        // releases the files its client left open: a loop that is shutting down may end with
        // a connection still open and its session never told.
        accepted.close().awaitUninterruptibly(CLOSE_WAIT_MS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (ownWorkers != null) {
            ownWorkers.shutdown();
        }
    }
}
