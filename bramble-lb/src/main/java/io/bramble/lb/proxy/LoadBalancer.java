package io.bramble.lb.proxy;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.lb.acl.AclSet;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.config.BindConfig;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ProxyMode;
import io.bramble.lb.log.AccessLog;
import io.bramble.lb.log.LogWriter;
import io.bramble.lb.stats.StatsCsv;
import io.bramble.lb.stats.StatsProxy;
import io.bramble.lb.stats.StatsReport;
import io.bramble.lb.stats.StatsRow;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running load balancer: every frontend bound, every backend's servers balanced and
 * checked. {@link #start} fails with a {@link UserError} naming the bind line when an address
 * cannot be bound; {@link #close} stops listening and releases the event loops.
 */
public final class LoadBalancer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoadBalancer.class);
    /** Pending connections the kernel keeps per listener (HAProxy uses maxconn). */
    static final int ACCEPT_BACKLOG = 1024;

    private final LbConfig config;
    private final Engine engine;
    private final LogWriter logWriter;
    private final Map<String, Backend> backends = new LinkedHashMap<>();
    private final Map<String, Frontend> frontends = new LinkedHashMap<>();
    private final List<Channel> listeners = new ArrayList<>();
    private final HealthChecks checks;
    private final String version;

    private LoadBalancer(LbConfig config, Clock clock, RandomGenerator random, String version) {
        this.config = config;
        this.version = version;
        this.engine = new Engine(Transport.create(config.global().nbthread()), clock);
        this.logWriter = new LogWriter(hostName(), ProcessHandle.current().pid());
        List<ProxyConfig> proxies = config.proxies();
        for (int i = 0; i < proxies.size(); i++) {
            ProxyConfig proxy = proxies.get(i);
            if (proxy.kind().hasBackend()) {
                backends.put(proxy.name(), new Backend(proxy, i + 1, engine, random));
            }
        }
        for (int i = 0; i < proxies.size(); i++) {
            ProxyConfig proxy = proxies.get(i);
            if (proxy.kind().hasFrontend()) {
                frontends.put(proxy.name(), frontend(proxy, i + 1));
            }
        }
        this.checks = new HealthChecks(engine, List.copyOf(backends.values()), random);
    }

    /**
     * Builds and starts the load balancer described by {@code config}.
     *
     * @param version shown on the stats page unless hidden
     */
    public static LoadBalancer start(LbConfig config, Clock clock, RandomGenerator random,
            String version) {
        LoadBalancer balancer = new LoadBalancer(config, clock, random, version);
        try {
            balancer.backends.values().forEach(Backend::start);
            balancer.bindAll();
            balancer.checks.start();
        } catch (RuntimeException e) {
            balancer.close();
            throw e;
        }
        return balancer;
    }

    /** The addresses actually bound, in configuration order (ports resolved). */
    public List<InetSocketAddress> boundAddresses() {
        return listeners.stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
    }

    /** True when the native epoll transport is in use. */
    public boolean nativeTransport() {
        return engine.transport.epoll;
    }

    /** The stats CSV as the stats page would serve it. */
    public String statsCsv() {
        StatsReport report = new StatsReport(statsProxies(), hostName(), version,
                ProcessHandle.current().pid(), 0, 0, false, false);
        return StatsCsv.render(report, engine.clock.nanoTime());
    }

    /** Every server, backends in configuration order, for the runtime API. */
    public List<ServerHandle> servers() {
        List<ServerHandle> result = new ArrayList<>();
        for (Backend backend : backends.values()) {
            for (Server server : backend.servers) {
                result.add(new ServerHandle(server, backend.proxyId));
            }
        }
        return result;
    }

    /** True when a backend (or listen) of that name runs. */
    public boolean hasBackend(String name) {
        return backends.containsKey(name);
    }

    /** Process-wide figures for {@code show info}. */
    public ProcessInfo info() {
        long connections = 0;
        long requests = 0;
        for (Frontend frontend : frontends.values()) {
            connections += frontend.counters.sessionsTotal.sum();
            requests += frontend.counters.requestsTotal.sum();
        }
        return new ProcessInfo(config.global().maxconn(), engine.transport.threads,
                engine.activeConnections.get(), connections, requests, engine.transport.epoll);
    }

    /** Blocks until the listeners are closed. */
    public void awaitClosed() throws InterruptedException {
        for (Channel listener : listeners) {
            listener.closeFuture().await();
        }
    }

    @Override
    public void close() {
        checks.close();
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
        engine.transport.close();
        logWriter.close();
    }

    private Frontend frontend(ProxyConfig proxy, int proxyId) {
        AccessLog log = logWriter.open(proxy.log(), config.global());
        StatsService stats = proxy.stats().map(settings -> {
            CompiledCondition admin = settings.admin().map(new AclSet(proxy.acls())::compile)
                    .orElse(null);
            return new StatsService(settings, admin == null ? never() : admin,
                    this::statsProxies, backends::get,
                    config.global().nodeName().orElse(hostName()), version, engine.clock);
        }).orElse(null);
        return new Frontend(proxy, proxyId, backends, log, stats);
    }

    private static CompiledCondition never() {
        return new AclSet(List.of()).compile(io.bramble.lb.config.Condition.ifAcl("FALSE"));
    }

    private List<StatsProxy> statsProxies() {
        List<StatsProxy> result = new ArrayList<>();
        for (ProxyConfig proxy : config.proxies()) {
            List<StatsRow> rows = new ArrayList<>();
            Frontend frontend = proxy.kind().hasFrontend() ? frontends.get(proxy.name()) : null;
            Backend backend = proxy.kind().hasBackend() ? backends.get(proxy.name()) : null;
            if (frontend != null) {
                rows.add(frontend.row());
            }
            if (backend != null) {
                for (Server server : backend.servers) {
                    rows.add(server.row(backend.proxyId));
                }
                rows.add(backend.row());
            }
            result.add(new StatsProxy(proxy.name(),
                    proxy.mode().name().toLowerCase(java.util.Locale.ROOT), rows));
        }
        return result;
    }

    private void bindAll() {
        for (Frontend frontend : frontends.values()) {
            int limit = Math.min(frontend.config.maxconn(), config.global().maxconn());
            AcceptLimiter limiter = new AcceptLimiter(limit);
            for (BindConfig bind : frontend.config.binds()) {
                Channel listener = bind(frontend, bind, limiter);
                limiter.listening(listener);
                listeners.add(listener);
                LOG.info("Proxy {} listening on {} ({} mode).", frontend.name(),
                        listener.localAddress(), frontend.config.mode().name().toLowerCase());
            }
        }
    }

    private Channel bind(Frontend frontend, BindConfig bind, AcceptLimiter limiter) {
        boolean tcp = frontend.config.mode() == ProxyMode.TCP;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(engine.transport.acceptors, engine.transport.workers)
                .channel(engine.transport.serverChannel)
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(limiter)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, engine.allocator)
                .childOption(ChannelOption.AUTO_READ, !tcp)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, tcp)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast("bytes", new ByteCounter());
                        if (tcp) {
                            channel.pipeline().addLast(new TcpSession(engine, frontend));
                        } else {
                            channel.pipeline()
                                    .addLast("http", new HttpServerCodec(
                                            HttpLimits.decoderConfig()))
                                    .addLast("session", new HttpSession(engine, frontend));
                        }
                    }
                });
        InetSocketAddress address;
        try {
            address = bind.address().resolve();
        } catch (UnknownHostException e) {
            throw UserError.usage(bind.location() + ": cannot resolve bind address "
                    + bind.address());
        }
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new UserError(UserError.EXIT_RUNTIME, bind.location() + ": proxy '"
                    + frontend.name() + "': cannot bind to " + bind.address() + ": "
                    + HttpSession.shortReason(bound.cause()), bound.cause());
        }
        return bound.channel();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
