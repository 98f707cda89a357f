package io.bramble.lb.proxy;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.lb.acl.AclSet;
import io.bramble.lb.balance.BalancedServer;
import io.bramble.lb.balance.Balancer;
import io.bramble.lb.config.GlobalSettings;
import io.bramble.lb.config.HttpConnectionMode;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ServerConfig;
import io.bramble.lb.limit.WaitQueue;
import io.bramble.lb.persist.CookiePersistence;
import io.bramble.lb.stats.RowType;
import io.bramble.lb.stats.StatsRow;
import io.bramble.lb.stats.TrafficCounters;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A backend (or the backend half of a listen) at run time: its servers, balancer, cookie
 * persistence, request and response rules, stats page and counters.
 */
final class Backend {
    final ProxyConfig config;
    final Balancer balancer;
    final List<Server> servers;
    final CookiePersistence cookies;
    final TrafficCounters counters;
    final ErrorPages errorPages;
    final RequestRules requestRules;
    final ResponseRules responseRules;
    /** The stats page a frontend's request routed here may ask for; null for none. */
    final StatsService stats;
    final int proxyId;
    final ServerConnector connector;
    /** Requests waiting for a slot while every usable server is at its maxconn. */
    final WaitQueue<QueuedRequest> queue = new WaitQueue<>();

    Backend(ProxyConfig config, int proxyId, Engine engine, RandomGenerator random) {
        this(config, proxyId, engine, random, null, GlobalSettings.defaults(), null);
    }

    /**
     * @param previous the backend of the same name in the generation before a reload, whose
     *        servers of the same name and address carry their state over; null for none
     * @param global {@code ca-base} and {@code ssl-default-server-*} for the servers' TLS
     * @param stats the backend's stats page, or null
     */
    Backend(ProxyConfig config, int proxyId, Engine engine, RandomGenerator random,
            Backend previous, GlobalSettings global, StatsService stats) {
        this.config = config;
        this.stats = stats;
        this.proxyId = proxyId;
        this.counters = previous == null ? new TrafficCounters() : previous.counters;
        this.connector = new ServerConnector(engine, EffectiveTimeouts.firstSet(
                config.timeouts().connectMs(), HttpLimits.CONNECT_TIMEOUT_MS_WHEN_UNSET, 0),
                config.tcpKeepAlive().server());
        Clock clock = engine.clock;
        List<BalancedServer> balanced = new ArrayList<>();
        for (int i = 0; i < config.servers().size(); i++) {
            ServerConfig server = config.servers().get(i);
            balanced.add(new BalancedServer(i, server.name(), server.options().weight(),
                    server.options().backup(), server.options().maxconn()));
        }
        this.balancer = Balancer.create(config.balance(), balanced, random,
                config.allBackups(), clock);
        List<Server> built = new ArrayList<>();
        for (int i = 0; i < config.servers().size(); i++) {
            ServerConfig server = config.servers().get(i);
            io.bramble.lb.config.InitAddr.Outcome found = ServerAddress.find(server);
            InetSocketAddress address = ServerAddress.address(server, found);
            server = ServerAddress.effective(server, found);
            Server before = previous == null ? null : previous.server(server.name());
            if (before != null && !before.address.equals(address)) {
                before = null;
            }
            built.add(new Server(this, server, address, i, balancer, balanced.get(i), clock,
                    before, tls(server, global)));
        }
        this.servers = List.copyOf(built);
        this.cookies = config.cookie().map(CookiePersistence::new).orElse(null);
        this.errorPages = new ErrorPages(config.errorFiles());
        AclSet acls = new AclSet(config.acls());
        this.requestRules = new RequestRules(config, acls);
        this.responseRules = new ResponseRules(config, acls);
    }

    String name() {
        return config.name();
    }

    /** A server connection slot was given back: the first waiting request tries again. */
    void slotFreed() {
        QueuedRequest next = queue.next();
        if (next != null) {
            next.wake();
        }
    }

    /** Puts the servers whose starting state takes traffic in the balancer. */
    void admit() {
        servers.forEach(Server::admit);
    }

    /** The generation runs (after a reload: the old generation's servers hand over). */
    void start() {
        servers.forEach(Server::start);
    }

    /** The server whose {@code cookie} value is {@code value}, or null. */
    Server serverByCookie(String value) {
        for (Server server : servers) {
            if (server.config.options().cookie().filter(value::equals).isPresent()) {
                return server;
            }
        }
        return null;
    }

    Server server(BalancedServer balanced) {
        return servers.get(balanced.index());
    }

    /** The server of that name, or null. */
    Server server(String name) {
        for (Server server : servers) {
            if (server.name().equals(name)) {
                return server;
            }
        }
        return null;
    }

    /**
     * Fit to serve behind a virtual address: a server is {@link Server#proven}, or there is
     * no server at all (a stats-only proxy), which no other node could do better.
     */
    boolean ready() {
        return servers.isEmpty() || servers.stream().anyMatch(Server::proven);
    }

    HttpConnectionMode connectionMode() {
        return config.connectionMode();
    }

    int usablePrimaries() {
        return (int) servers.stream().filter(s -> !s.balanced.backup() && s.balanced.usable())
                .count();
    }

    int usableBackups() {
        return (int) servers.stream().filter(s -> s.balanced.backup() && s.balanced.usable())
                .count();
    }

    StatsRow row() {
        balancer.tick();
        // HAProxy's total of live weights, in whole units (servers warming up count less).
        long weight = (servers.stream().filter(s -> s.balanced.usable())
                .mapToLong(s -> s.balanced.liveWeight()).sum() + 15) / 16;
        boolean up = balancer.anyUsable() || servers.isEmpty();
        long downs = servers.stream().mapToLong(s -> s.row(proxyId).downTransitions()).sum();
        return new StatsRow(RowType.BACKEND, name(), "BACKEND", counters, up ? "UP" : "DOWN",
                null, config.maxconn(), weight, false, usablePrimaries(), usableBackups(), null,
                0, downs, -1, -1, proxyId, 0);
    }

    /** TLS to {@code server}, or null without {@code ssl}; a usage error naming the line. */
    static io.bramble.lb.tls.TlsOrigination tls(ServerConfig server, GlobalSettings global) {
        if (!server.options().tls().enabled()) {
            return null;
        }
        try {
            return io.bramble.lb.tls.TlsOrigination.create(server.options().tls(),
                    global.tlsDefaults().server(), global.caBase());
        } catch (java.io.IOException | java.security.GeneralSecurityException
                | RuntimeException e) {
            throw UserError.usage(server.location() + ": server " + server.name()
                    + ": cannot set up TLS: " + e.getMessage());
        }
    }

}
