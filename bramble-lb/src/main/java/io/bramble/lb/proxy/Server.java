package io.bramble.lb.proxy;

import io.bramble.common.time.Clock;
import io.bramble.lb.balance.BalancedServer;
import io.bramble.lb.balance.Balancer;
import io.bramble.lb.check.AdminState;
import io.bramble.lb.check.CheckResult;
import io.bramble.lb.check.HealthChange;
import io.bramble.lb.check.HealthCheckLine;
import io.bramble.lb.check.ServerHealth;
import io.bramble.lb.config.ServerConfig;
import io.bramble.lb.stats.RowType;
import io.bramble.lb.stats.StatsRow;
import io.bramble.lb.stats.TrafficCounters;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configured server at run time: its address, health, place in the balancer, idle
 * connections and counters. Health changes go through here so the balancer always agrees with
 * the state machine; the monitor of this object guards {@link ServerHealth}.
 */
final class Server {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    final ServerConfig config;
    final String backendName;
    final InetSocketAddress address;
    final BalancedServer balanced;
    final TrafficCounters counters;
    final ServerPool pool;
    /** TLS to the server ({@code ssl}); null for plain TCP. */
    final io.bramble.lb.tls.TlsOrigination tls;
    final int serverId;
    private final Balancer balancer;
    private final ServerHealth health;
    private final Backend backend;

    /**
     * Connections to the server opened for sessions, closed by {@code on-marked-down
     * shutdown-sessions} and {@code on-marked-up shutdown-backup-sessions}; at most one per
     * session, so bounded by the sessions the backend admits.
     */
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();

    /**
     * Where a connection for a client goes: the server's address, with, as in HAProxy, the
     * address {@code clientLocal} (what the client connected to) has for a server written
     * with the any-address ({@code *}, {@code 0.0.0.0}, {@code ::} or nothing before the
     * colon), and its port for a server written without a port. Health checks keep the
     * server's own address: HAProxy checks such a server on the local host.
     */
    InetSocketAddress target(java.net.SocketAddress clientLocal) {
        boolean anyAddress = config.address().isAnyAddress();
        boolean portless = !config.address().hasPort();
        if (!(anyAddress || portless) || !(clientLocal instanceof InetSocketAddress local)) {
            return address;
        }
        int port = portless ? local.getPort() : address.getPort();
        if (anyAddress) {
            return new InetSocketAddress(local.getAddress(), port);
        }
        return address.isUnresolved()
                ? InetSocketAddress.createUnresolved(address.getHostString(), port)
                : new InetSocketAddress(address.getAddress(), port);
    }

    /**
     * Whether idle connections to it may serve later requests: not when it takes each
     * client's port or address, since an idle connection may be to another one, nor when each
     * connection starts with a PROXY header naming its client.
     */
    boolean pools() {
        return config.address().hasPort() && !config.address().isAnyAddress()
                && config.options().proxyProtocol().version() == 0;
    }

    /**
     * The local address connections to this server leave from: its {@code source}, else its
     * backend's; null for the system's choice.
     */
    InetSocketAddress source() {
        return config.options().source().or(() -> backend.config.source()).orElse(null);
    }

    /**
     * The PROXY header a connection for {@code client} starts with ({@code send-proxy},
     * {@code send-proxy-v2}); null when the server takes none.
     */
    byte[] proxyHeader(io.netty.channel.Channel client) {
        int version = config.options().proxyProtocol().version();
        return version == 0
                ? null
                : ProxyHeader.encode(version, ClientAddresses.remote(client),
                        ClientAddresses.local(client));
    }

    /** The same server in the generation after a reload; live failures go on to it. */
    private volatile Server successor;

    /**
     * @param previous the same server (name, address) before a reload: its health, admin
     *        state, run-time weight, counters and idle connections carry over; null for none
     */
    Server(Backend backend, ServerConfig config, InetSocketAddress address, int index,
            Balancer balancer, BalancedServer balanced, Clock clock, Server previous,
            io.bramble.lb.tls.TlsOrigination tls) {
        this.tls = tls;
        this.backend = backend;
        this.backendName = backend.name();
        this.config = config;
        this.address = address;
        this.serverId = index + 1;
        this.balancer = balancer;
        this.balanced = balanced;
        if (previous == null) {
            this.health = new ServerHealth(config.options(), clock);
            this.counters = new TrafficCounters();
            this.pool = new ServerPool(clock, config.options().pool());
            return;
        }
        this.counters = previous.counters;
        this.pool = previous.pool;
        this.pool.limits(config.options().pool());
        this.predecessor = previous;
        synchronized (previous) {
            this.health = ServerHealth.carryOver(previous.health,
                    previous.config.options(), config.options(), clock);
            if (previous.config.options().weight() == config.options().weight()) {
                balancer.setWeight(balanced, previous.balanced.weight());
            }
        }
    }

    /** The same server before a reload, until this one takes over; then null. */
    private Server predecessor;

    String name() {
        return config.name();
    }

    /**
     * Puts the server in the balancer if its starting state takes traffic: before its
     * generation listens, so that the first request it accepts finds its servers.
     */
    synchronized void admit() {
        if (health.takesNewTraffic()) {
            balancer.serverUp(balanced);
        }
    }

    /** The generation runs: after a reload, live failures seen by the old one come here. */
    synchronized void start() {
        if (predecessor != null) {
            predecessor.successor = this;
            predecessor = null;
        }
    }

    /** A connection opened to the server for a session: tracked until it closes. */
    void opened(Channel connection) {
        connections.add(connection);
        connection.closeFuture().addListener(f -> connections.remove(connection));
    }

    /** Closes the connections sessions have to this server (their sessions end with them). */
    void shutdownSessions(String why) {
        if (!connections.isEmpty()) {
            LOG.warn("Server {}/{}: closing {} sessions ({}).", backendName, name(),
                    connections.size(), why);
        }
        connections.forEach(Channel::close);
    }

    synchronized void applyCheck(CheckResult result) {
        CheckResult previous = health.lastResult();
        int counterBefore = health.healthCounter();
        HealthChange change = health.onCheck(result);
        if (backend.config.logHealthChecks()) {
            HealthCheckLine.of(backendName + "/" + name(), config.options().backup(), previous,
                    result, counterBefore, health, balanced.weight() == 0)
                    .ifPresent(line -> LOG.warn("{}", line));
        }
        apply(change, result);
    }

    /** A live request could not connect or was reset. */
    void liveFailure(String info, long durationMs) {
        Server next = successor;
        if (next != null) {
            next.liveFailure(info, durationMs);
            return;
        }
        synchronized (this) {
            apply(health.onLiveFailure(info, durationMs), health.lastResult());
        }
    }

    synchronized void setAdmin(AdminState state) {
        setAdmin(state, "the stats page");
    }

    synchronized void setAdmin(AdminState state, String source) {
        // A server leaving DRAIN was up all along: HAProxy does not slow-start it.
        boolean fromDrain = health.admin() == AdminState.DRAIN;
        HealthChange change = health.setAdmin(state);
        LOG.info("Server {}/{} set to {} from {}.", backendName, name(), state, source);
        apply(change, null, !fromDrain);
    }

    synchronized void setWeight(int weight) {
        balancer.setWeight(balanced, weight);
        LOG.info("Server {}/{} weight set to {}.", backendName, name(), weight);
    }

    synchronized ServerHandle.State state(int backendId) {
        return new ServerHandle.State(backendId, backendName, serverId, name(), address,
                health.up(), health.checked(), health.admin(), balanced.weight(),
                balanced.initialWeight(), health.statusText(),
                java.util.Optional.ofNullable(health.lastResult()), health.healthCounter(),
                health.sinceLastChangeMs() / 1000, tls != null);
    }

    synchronized boolean takesPersistentTraffic() {
        return health.takesPersistentTraffic();
    }

    synchronized boolean checksRun() {
        return health.checksRun();
    }

    synchronized long nextCheckDelayMs() {
        return health.nextCheckDelayMs();
    }

    synchronized StatsRow row(int proxyId) {
        balancer.tick();
        return new StatsRow(RowType.SERVER, backendName, name(), counters, health.statusText(),
                health.state(), config.options().maxconn(), balanced.shownWeight(),
                config.options().backup(), health.takesNewTraffic() && !balanced.backup() ? 1 : 0,
                health.takesNewTraffic() && balanced.backup() ? 1 : 0, health.lastResult(),
                health.failedChecks(), health.downTransitions(),
                health.sinceLastChangeMs() / 1000, health.downtimeMs() / 1000, proxyId,
                serverId);
    }

    synchronized boolean usable() {
        return health.takesNewTraffic();
    }

    /**
     * Usable and, when checked, passed a check since the start: see
     * {@link ServerHealth#proven}. Stricter than {@link #usable} only for a fresh process,
     * whose servers HAProxy starts UP before any check.
     */
    synchronized boolean proven() {
        return health.proven();
    }

    private void apply(HealthChange change, CheckResult result) {
        apply(change, result, true);
    }

    /** @param slowStart a server now usable warms up over its {@code slowstart} */
    private void apply(HealthChange change, CheckResult result, boolean slowStart) {
        switch (change) {
            case NOW_USABLE -> {
                balancer.serverBackUp(balanced, slowStart ? config.options().slowstartMs() : 0);
                LOG.warn("Server {}/{} is UP{}. {} active and {} backup servers online.",
                        backendName, name(), reason(result), backend.usablePrimaries(),
                        backend.usableBackups());
                if (result != null && !config.options().backup()
                        && config.options().onMarked().upShutdownBackupSessions()) {
                    backend.servers.stream().filter(s -> s.config.options().backup())
                            .forEach(s -> s.shutdownSessions("on-marked-up of " + name()));
                }
            }
            case NOW_UNUSABLE -> {
                balancer.serverDown(balanced);
                LOG.warn("Server {}/{} is {}{}. {} active and {} backup servers left.",
                        backendName, name(), health.statusText(), reason(result),
                        backend.usablePrimaries(), backend.usableBackups());
                if (!balancer.anyUsable()) {
                    LOG.error("backend {} has no server available!", backendName);
                }
                if (result != null && !health.up()
                        && config.options().onMarked().downShutdownSessions()) {
                    shutdownSessions("on-marked-down");
                }
            }
            case NONE -> {
            }
        }
    }

    private static String reason(CheckResult result) {
        if (result == null) {
            return "";
        }
        return ", reason: " + result.status().description() + ", info: \"" + result.info()
                + "\", check duration: " + result.durationMs() + "ms";
    }

    @Override
    public String toString() {
        return backendName + "/" + name();
    }
}
