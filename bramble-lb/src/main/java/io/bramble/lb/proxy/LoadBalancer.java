package io.bramble.lb.proxy;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.lb.format.Variables;
import io.bramble.lb.stick.StickCounters;
import io.bramble.lb.stick.StickTables;
import io.bramble.lb.acl.AclSet;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.config.BindConfig;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ProxyMode;
import io.bramble.lb.config.TcpRequestRule;
import io.bramble.lb.http1.MethodQueue;
import io.bramble.lb.http1.RequestDecoder;
import io.bramble.lb.http1.ResponseEncoder;
import io.bramble.lb.limit.BufferBudget;
import io.bramble.lb.limit.BufferGuard;
import io.bramble.lb.limit.ConnectionSlots;
import io.bramble.lb.tls.TlsTermination;
import io.bramble.lb.log.AccessLog;
import io.bramble.lb.log.LogWriter;
import io.bramble.lb.stats.StatsCsv;
import io.bramble.lb.stats.StatsPrometheus;
import io.bramble.lb.stats.StatsProxy;
import io.bramble.lb.stats.StatsReport;
import io.bramble.lb.stats.StatsRow;
import io.bramble.lb.stats.TrafficCounters;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.internal.PlatformDependent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final Map<String, AcceptLimiter> limiters = new LinkedHashMap<>();
    /** TLS of each {@code bind ... ssl} line, read when the generation is built. */
    private final Map<BindConfig, TlsTermination> terminations = new java.util.HashMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    /** The listeners on virtual addresses, bound only while this node holds them. */
    private final FollowedBinds followed;
    private final HealthChecks checks;
    private final String version;
    /** When the first generation started: the process's uptime for the Prometheus text. */
    private final long startNanos;
    /** The generation this one follows after a reload; null for the first. */
    private final LoadBalancer predecessor;
    private final Generation generation = new Generation();
    /** The stick tables of this generation: a reload starts with empty ones, as HAProxy's. */
    private final StickTables stickTables;
    /** The {@code proc} variables: a reload starts without any, as a new HAProxy process. */
    private final Variables processVariables = Variables.forProcess();
    /** The event loops are this generation's to shut down (the newest one owns them). */
    private volatile boolean ownsEngine = true;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoadBalancer(LbConfig config, Engine engine, RandomGenerator random, String version,
            LoadBalancer predecessor, FollowedAddresses followedAddresses) {
        this.config = config;
        this.version = version;
        this.engine = engine;
        this.predecessor = predecessor;
        this.startNanos = predecessor == null ? engine.clock.nanoTime() : predecessor.startNanos;
        this.followed = new FollowedBinds(followedAddresses, this::bindFollowed);
        this.logWriter = new LogWriter(ProcessHandle.current().pid());
        this.stickTables = new StickTables(config.proxies().stream()
                .flatMap(p -> p.stickTable().stream()).toList(), engine.clock);
        try {
            build(random);
        } catch (RuntimeException e) {
            logWriter.close();
            throw e;
        }
        this.checks = new HealthChecks(engine, List.copyOf(backends.values()), random);
    }

    /** Backends, frontends and TLS contexts; throws before anything is bound or linked. */
    private void build(RandomGenerator random) {
        List<ProxyConfig> proxies = config.proxies();
        for (int i = 0; i < proxies.size(); i++) {
            ProxyConfig proxy = proxies.get(i);
            if (proxy.kind().hasBackend()) {
                Backend previous = predecessor == null
                        ? null
                        : predecessor.backends.get(proxy.name());
                backends.put(proxy.name(), new Backend(proxy, i + 1, engine, random, previous,
                        config.global(), statsPage(proxy)));
            }
        }
        for (int i = 0; i < proxies.size(); i++) {
            ProxyConfig proxy = proxies.get(i);
            if (proxy.kind().hasFrontend()) {
                frontends.put(proxy.name(), frontend(proxy, i + 1));
            }
        }
        for (Frontend frontend : frontends.values()) {
            for (BindConfig bind : frontend.config.binds()) {
                if (bind.tls().isPresent()) {
                    terminations.put(bind, termination(bind));
                }
            }
        }
    }

    private TlsTermination termination(BindConfig bind) {
        return termination(bind, config);
    }

    /** Reads the certificates of a {@code bind ... ssl} line; a usage error naming it. */
    private static TlsTermination termination(BindConfig bind, LbConfig config) {
        try {
            return TlsTermination.create(bind.tls().get(), config.global().tlsDefaults().bind(),
                    config.global().crtBase());
        } catch (java.io.IOException | java.security.GeneralSecurityException
                | RuntimeException e) {
            throw UserError.usage(bind.location() + ": bind " + bind.address()
                    + ": cannot set up TLS: " + e.getMessage());
        }
    }

    /**
     * Builds and starts the load balancer described by {@code config}.
     *
     * @param version shown on the stats page unless hidden
     */
    public static LoadBalancer start(LbConfig config, Clock clock, RandomGenerator random,
            String version) {
        return start(config, clock, random, version, FollowedAddresses.NONE);
    }

    /**
     * Like {@link #start(LbConfig, Clock, RandomGenerator, String)}, but the listeners bound on
     * an address of {@code followed} (a virtual address) are bound only between
     * {@link #hold} and {@link #release} of that address.
     */
    public static LoadBalancer start(LbConfig config, Clock clock, RandomGenerator random,
            String version, FollowedAddresses followed) {
        return start(config, clock, random, version, followed,
                Poller.best(config.global().nativePollers()));
    }

    /** Like the others, on {@code poller}, which must be available here. */
    static LoadBalancer start(LbConfig config, Clock clock, RandomGenerator random,
            String version, FollowedAddresses followed, Poller poller) {
        Engine engine = new Engine(Transport.create(config.global().nbthread(), poller), clock,
                new ConnectionSlots(config.global().maxconn()), new BufferBudget(
                        BufferBudget.processBytesMax(PlatformDependent.maxDirectMemory())),
                hostName());
        LoadBalancer balancer;
        try {
            balancer = new LoadBalancer(config, engine, random, version, null, followed);
        } catch (RuntimeException e) {
            engine.transport.close();
            throw e;
        }
        try {
            balancer.backends.values().forEach(Backend::admit);
            balancer.backends.values().forEach(Backend::start);
            balancer.bindAll();
            balancer.checks.start();
        } catch (RuntimeException e) {
            balancer.close();
            throw e;
        }
        return balancer;
    }

    /**
     * Starts the next configuration generation on the same event loops. Listeners whose
     * address is in both configurations pass to it without being closed; servers of the same
     * backend, name and address keep their health, admin state, weight set at run time,
     * counters and idle connections. Nothing changes when this throws (an address that cannot
     * be bound, a server that cannot be resolved). Afterwards, call {@link #retire} on this
     * generation. The successor listens on the virtual addresses this generation holds, and
     * {@link #hold} and {@link #release} called on this generation go to it.
     */
    public LoadBalancer reload(LbConfig next, RandomGenerator random) {
        LoadBalancer successor = new LoadBalancer(next, engine, random, version, this,
                followed.addresses());
        try {
            // Its servers take traffic before any listener of its own accepts a connection.
            successor.backends.values().forEach(Backend::admit);
            successor.bindNew();
            successor.followed.adopt(followed);
        } catch (RuntimeException e) {
            successor.listeners.forEach(l -> l.channel.close().syncUninterruptibly());
            successor.logWriter.close();
            throw e;
        }
        // Past this point nothing fails: the successor takes over.
        engine.connectionSlots.setMax(next.global().maxconn());
        successor.takeOverListeners();
        successor.backends.values().forEach(Backend::start);
        successor.checks.start();
        ownsEngine = false;
        return successor;
    }

    /**
     * Stops this generation from taking new work: its listeners close (those handed to a
     * successor stay open), its checks stop, idle keep-alive connections close and busy ones
     * close after their current response. TCP connections run to their end.
     */
    public void retire() {
        checks.close();
        followed.close();
        for (Listener listener : listeners) {
            if (listener.setup != null && ownsListener(listener)) {
                listener.channel.close();
            }
        }
        generation.retire(frontends.values());
        limiters.values().forEach(AcceptLimiter::close);
    }

    /** Blocks until every client connection of this generation has closed. */
    public void awaitDrained() {
        generation.awaitDrained();
    }

    /**
     * Checks what only the engine can: errorfiles hold HTTP responses, server names resolve,
     * certificates load. Throws a {@link UserError} listing every problem, one per line, each
     * naming its line; binds nothing.
     */
    public static void check(LbConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw UserError.usage(String.join("\n", problems));
        }
    }

    /**
     * What {@link #check} finds, every problem of the file rather than the first: a name
     * that does not resolve does not hide a certificate that does not load.
     */
    public static List<String> problems(LbConfig config) {
        List<String> problems = new ArrayList<>();
        for (ProxyConfig proxy : config.proxies()) {
            collect(problems, () -> new ErrorPages(proxy.errorFiles()));
            for (io.bramble.lb.config.ServerConfig server : proxy.servers()) {
                collect(problems, () -> ServerAddress.find(server));
                collect(problems, () -> Backend.tls(server, config.global()));
            }
            for (BindConfig bind : proxy.binds()) {
                if (bind.tls().isPresent() && proxy.kind().hasFrontend()) {
                    collect(problems, () -> termination(bind, config));
                }
            }
        }
        return problems;
    }

    /**
     * Warnings found only by looking servers up: a server whose name did not resolve and that
     * fell back to a later {@code init-addr} method, as HAProxy warns.
     */
    public static List<String> warnings(LbConfig config) {
        return ServerAddress.notices(config);
    }

    private static void collect(List<String> problems, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
    }

    /** The addresses actually bound, in configuration order (ports resolved). */
    public List<InetSocketAddress> boundAddresses() {
        return listeners.stream().map(l -> (InetSocketAddress) l.channel.localAddress())
                .toList();
    }

    /** The listeners that wait for {@link #hold}, bound now or not, in configuration order. */
    public List<InetSocketAddress> followedAddresses() {
        return followed.newest().all();
    }

    /**
     * Binds the listeners on {@code address}, now that this node holds it; does nothing when
     * they are bound already. Throws a {@link UserError} naming the proxy when one cannot be
     * bound, and then leaves none of them bound. After a reload, acts on the newest generation.
     */
    public void hold(InetAddress address) {
        followed.hold(address);
    }

    /** Closes the listeners on {@code address}; the connections they accepted go on. */
    public void release(InetAddress address) {
        followed.release(address);
    }

    /** True between {@link #hold} and {@link #release} of {@code address}. */
    public boolean holds(InetAddress address) {
        return followed.holds(address);
    }

    /**
     * True when every backend that a frontend listening on {@code address} may send to has a
     * server that is UP (per rise/fall) and, if checked, passed a check since the start: this
     * node can serve the address. True when no frontend listens on it. Cheap; safe from any
     * thread.
     */
    public boolean readyOn(InetAddress address) {
        return followed.newest().frontendsOn(address).stream().flatMap(f -> f
                .reachableBackends().stream()).allMatch(Backend::ready);
    }

    /** How the event loops wait for sockets: io_uring, epoll or NIO. */
    public Poller poller() {
        return engine.transport.poller;
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
                engine.activeConnections.get(), connections, requests, engine.transport.poller);
    }

    /** Blocks until the listeners are closed. */
    public void awaitClosed() throws InterruptedException {
        for (Listener listener : listeners) {
            listener.channel.closeFuture().await();
        }
    }

    /**
     * Closes this generation's listeners (not those handed to a successor) and connections;
     * the newest generation also shuts the event loops down.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        checks.close();
        followed.close();
        for (Listener listener : listeners) {
            if (ownsListener(listener)) {
                listener.channel.close().syncUninterruptibly();
            }
        }
        generation.closeAll();
        if (ownsEngine) {
            engine.transport.close();
        }
        logWriter.close();
    }

    /** False once the listener was handed to a successor. */
    private boolean ownsListener(Listener listener) {
        return listener.owner == this;
    }

    private Frontend frontend(ProxyConfig proxy, int proxyId) {
        AccessLog log = logWriter.open(proxy.log(), config.global());
        StatsService stats = statsPage(proxy);
        Frontend previous = predecessor == null ? null : predecessor.frontends.get(proxy.name());
        return new Frontend(proxy, proxyId, backends, log, stats, this::prometheus,
                previous == null ? new TrafficCounters() : previous.counters);
    }

    /** The proxy's stats page, or null when it has none. */
    private StatsService statsPage(ProxyConfig proxy) {
        return proxy.stats().map(settings -> {
            CompiledCondition admin = settings.admin().map(new AclSet(proxy.acls())::compile)
                    .orElse(null);
            return new StatsService(settings, admin == null ? never() : admin,
                    () -> statsProxies().stream().filter(shown -> settings.inScope(
                            shown.name(), proxy.name())).toList(),
                    backends::get,
                    config.global().nodeName().orElse(hostName()), version, engine.clock);
        }).orElse(null);
    }

    /** What HAProxy's prometheus-exporter service answers: every proxy, no authentication. */
    private FullHttpResponse prometheus() {
        long uptimeS = (engine.clock.nanoTime() - startNanos) / 1_000_000_000L;
        StatsReport report = new StatsReport(statsProxies(), config.global().nodeName()
                .orElse(hostName()), version, ProcessHandle.current().pid(), uptimeS, 0, false,
                false, java.util.Optional.empty());
        return StatsService.text(HttpResponseStatus.OK, StatsPrometheus.CONTENT_TYPE,
                StatsPrometheus.render(report));
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
        bindNew();
        takeOverListeners();
    }

    /** Binds every address the predecessor does not already listen on. */
    private void bindNew() {
        try {
            for (Frontend frontend : frontends.values()) {
                AcceptLimiter limiter = limiters.computeIfAbsent(frontend.name(),
                        n -> new AcceptLimiter(frontend.config.maxconn(),
                                engine.connectionSlots));
                for (BindConfig bind : frontend.config.binds()) {
                    InetSocketAddress address = resolve(bind);
                    if (followed.follows(address)) {
                        followed.add(frontend, bind, address);
                        continue;
                    }
                    if (inherited(bind) != null) {
                        continue;
                    }
                    Listener listener = new Listener(bind.address(), null,
                            setup(frontend, bind), limiter);
                    listener.channel = bind(frontend, bind, listener, false);
                    listener.owner = this;
                    limiter.listening(listener.channel);
                    listeners.add(listener);
                    LOG.info("Proxy {} listening on {} ({} mode).", frontend.name(),
                            listener.channel.localAddress(),
                            frontend.config.mode().name().toLowerCase());
                }
            }
        } catch (RuntimeException e) {
            for (Listener listener : listeners) {
                listener.channel.close().syncUninterruptibly();
            }
            listeners.clear();
            throw e;
        }
    }

    /** Points the predecessor's listeners for addresses this generation keeps at it. */
    private void takeOverListeners() {
        for (Frontend frontend : frontends.values()) {
            for (BindConfig bind : frontend.config.binds()) {
                Listener listener = inherited(bind);
                if (listener == null || listener.owner == this) {
                    continue;
                }
                listener.owner = this;
                listener.handOver(setup(frontend, bind), limiters.get(frontend.name()));
                listeners.add(listener);
                LOG.info("Proxy {} keeps listening on {} ({} mode).", frontend.name(),
                        listener.channel.localAddress(),
                        frontend.config.mode().name().toLowerCase());
            }
        }
    }

    private Listener inherited(BindConfig bind) {
        if (predecessor == null) {
            return null;
        }
        for (Listener listener : predecessor.listeners) {
            if (listener.address.equals(bind.address())
                    && (listener.owner == predecessor || listener.owner == this)) {
                return listener;
            }
        }
        return null;
    }

    /** How this generation sets up a connection accepted for {@code frontend}. */
    private java.util.function.Consumer<Channel> setup(Frontend frontend, BindConfig bind) {
        boolean tcp = frontend.config.mode() == ProxyMode.TCP;
        return channel -> {
            StickCounters stick = StickCounters.forConnection(stickTables);
            if (!frontend.tcpRequestRules.accepts(TcpRequestRule.Phase.CONNECTION,
                    new ConnectionFacts((InetSocketAddress) channel.remoteAddress(), stick))) {
                // tcp-request connection reject: closed before it is a session, not logged,
                // and reset (SO_LINGER 0) as HAProxy resets it.
                stick.release();
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
                channel.close();
                return;
            }
            stick.countSession();
            generation.track(channel);
            channel.pipeline().addLast("guard", new BufferGuard(engine.buffers));
            if (tcp) {
                channel.config().setAutoRead(false);
            }
            // A client may end its output once its request is sent and still read the answer.
            ((io.netty.channel.socket.SocketChannel) channel).config().setAllowHalfClosure(true);
            if (bind.acceptProxy()) {
                channel.pipeline().addLast("proxy-header", new ProxyHeaderReader(engine,
                        EffectiveTimeouts.clientMs(frontend)));
            }
            TlsTermination tls = terminations.get(bind);
            if (tls != null) {
                channel.pipeline().addLast("tls", tls.newHandler());
            }
            if (tcp) {
                channel.pipeline().addLast(new TcpSession(engine, frontend, stick));
            } else {
                MethodQueue methods = new MethodQueue();
                // Responses are counted as messages, before the encoder, as HAProxy counts them.
                channel.pipeline()
                        .addLast("http-in", new RequestDecoder(methods))
                        .addLast("http-out", new ResponseEncoder(methods))
                        .addLast("response-bytes", new ResponseBytes())
                        .addLast("session", new HttpSession(engine, frontend, stick,
                                processVariables));
            }
        };
    }

    /** Binds a listener on a virtual address (SO_REUSEPORT, maybe IP_TRANSPARENT). */
    private Channel bindFollowed(FollowedBinds.Waiting waiting) {
        AcceptLimiter limiter = limiters.get(waiting.frontend().name());
        Listener listener = new Listener(waiting.bind().address(), null, setup(waiting
                .frontend(), waiting.bind()), limiter);
        listener.owner = this;
        Channel channel = bind(waiting.frontend(), waiting.bind(), listener, true);
        limiter.listening(channel);
        channel.closeFuture().addListener(closed -> limiter.forget(channel));
        return channel;
    }

    private static InetSocketAddress resolve(BindConfig bind) {
        try {
            return bind.address().resolve();
        } catch (UnknownHostException e) {
            throw UserError.usage(bind.location() + ": cannot resolve bind address "
                    + bind.address());
        }
    }

    private Channel bind(Frontend frontend, BindConfig bind, Listener listener,
            boolean follows) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(engine.transport.acceptors, engine.transport.workers)
                .channel(engine.transport.serverChannel)
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(listener.limiter)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, frontend.config.tcpKeepAlive()
                        .client())
                .childOption(ChannelOption.ALLOCATOR, engine.allocator)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        listener.setup.accept(channel);
                    }
                });
        InetSocketAddress address = resolve(bind);
        if (follows) {
            followed.configure(bootstrap, engine.transport);
        } else {
            followed.configureFixed(bootstrap, engine.transport, address);
        }
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new UserError(UserError.EXIT_RUNTIME, bind.location() + ": proxy '"
                    + frontend.name() + "': cannot bind to " + bind.address() + ": "
                    + Failures.reason(bound.cause()), bound.cause());
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
