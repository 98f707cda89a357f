package io.bramble.lb.proxy;

import io.bramble.lb.check.CheckConversation;
import io.bramble.lb.check.CheckResult;
import io.bramble.lb.check.CheckStep;
import io.bramble.lb.check.ConnectCheck;
import io.bramble.lb.check.HttpCheck;
import io.bramble.lb.check.HttpConversation;
import io.bramble.lb.check.TcpCheck;
import io.bramble.lb.config.HttpCheckConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.Timeouts;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The scheduler shell around {@link io.bramble.lb.check.ServerHealth}: runs each checked
 * server's probe on an event loop at the interval its state asks for (inter, fastinter,
 * downinter), with HAProxy's timeouts (connect: min of {@code timeout connect} and inter;
 * whole check: {@code timeout check}, else inter), and feeds the results back. First checks
 * are spread over the first interval so servers are not all probed at once.
 */
final class HealthChecks implements AutoCloseable {
    private final Engine engine;
    private final List<Backend> backends;
    private final RandomGenerator random;
    private volatile boolean closed;
    /** Built once per server: request bytes, compiled expectations; a new run per check. */
    private final Map<Server, Supplier<CheckConversation>> conversations = new ConcurrentHashMap<>();

    HealthChecks(Engine engine, List<Backend> backends, RandomGenerator random) {
        this.engine = engine;
        this.backends = backends;
        this.random = random;
    }

    void start() {
        for (Backend backend : backends) {
            for (Server server : backend.servers) {
                if (server.config.options().check()) {
                    EventLoop loop = engine.transport.workers.next();
                    long first = random.nextLong(Math.max(1, server.config.options().interMs()));
                    loop.schedule(() -> run(backend, server, loop), first, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private void run(Backend backend, Server server, EventLoop loop) {
        if (closed) {
            return;
        }
        if (!server.checksRun()) {
            schedule(backend, server, loop, server.config.options().interMs());
            return;
        }
        long interMs = server.config.options().interMs();
        Timeouts timeouts = backend.config.timeouts();
        long connectMs = timeouts.connectMs() == Timeouts.UNSET_MS
                ? interMs
                : Math.min(timeouts.connectMs(), interMs);
        long checkMs = timeouts.checkMs() == Timeouts.UNSET_MS
                ? interMs
                : timeouts.checkMs() + connectMs;
        CheckProbe probe = new CheckProbe(conversations.computeIfAbsent(server,
                s -> conversations(backend, s)).get(),
                (step, handler) -> connect(server, loop,
                        connectMs, step, handler),
                engine.clock,
                result -> done(backend, server, loop, result));
        probe.start();
        loop.schedule(probe::timedOut, checkMs, TimeUnit.MILLISECONDS);
    }

    /** The checks a server gets: the backend's script, its HTTP check, or a plain connect. */
    private Supplier<CheckConversation> conversations(Backend backend, Server server) {
        ProxyConfig config = backend.config;
        if (config.tcpCheck().isPresent()) {
            TcpCheck script = new TcpCheck(config.tcpCheck().get(),
                    () -> engine.clock.epochMillis() / 1000);
            return script::newRun;
        }
        if (config.httpCheck().isPresent()) {
            HttpCheckConfig http = config.httpCheck().get();
            HttpCheck check = new HttpCheck(http, server.config.address().toString());
            CheckStep.Connect connect = new CheckStep.Connect(http.connect().port(),
                    http.connect().ssl(), false, http.connect().serverDefaults());
            return () -> new HttpConversation(check, connect);
        }
        return () -> new ConnectCheck(CheckStep.Connect.SERVER_DEFAULTS);
    }

    private ChannelFuture connect(Server server, EventLoop loop, long connectMs,
            CheckStep.Connect step, ChannelHandler handler) {
        InetSocketAddress target = step.port() == 0
                ? checkAddress(server)
                : new InetSocketAddress(server.address.getAddress(), step.port());
        boolean tls = server.tls != null && (step.ssl() || step.serverDefaults()
                && server.config.options().tls().checksUseTls());
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(engine.transport.channel)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectMs)
                .option(ChannelOption.ALLOCATOR, engine.allocator);
        if (step.linger()) {
            bootstrap.option(ChannelOption.SO_LINGER, 0);
        }
        bootstrap.handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                if (tls) {
                    channel.pipeline().addLast(server.tls.newHandler(engine.allocator, target));
                }
                channel.pipeline().addLast(handler);
            }
        });
        return server.source() == null
                ? bootstrap.connect(target)
                : bootstrap.connect(target, server.source());
    }

    private void done(Backend backend, Server server, EventLoop loop, CheckResult result) {
        if (closed) {
            return;
        }
        server.applyCheck(result);
        schedule(backend, server, loop, server.nextCheckDelayMs());
    }

    private void schedule(Backend backend, Server server, EventLoop loop, long delayMs) {
        if (!closed) {
            loop.schedule(() -> run(backend, server, loop), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private static InetSocketAddress checkAddress(Server server) {
        int port = server.config.options().checkPort();
        return port == 0
                ? server.address
                : new InetSocketAddress(server.address.getAddress(),
                        port);
    }

    @Override
    public void close() {
        closed = true;
    }
}
