package io.bramble.lb.balance;

import io.bramble.common.check.Checks;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.BalanceConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A backend's server choice: the configured algorithm over the primary servers and, only when
 * no primary is usable, the first usable backup server (HAProxy's behaviour without
 * {@code option allbackups}) or, with it, the algorithm over every usable backup server. Callers report what happens to servers through the hooks and never ask
 * which algorithm runs. Thread-safe: every method holds the balancer's lock briefly.
 */
public final class Balancer {
    private final List<BalancedServer> servers;
    private final Algorithm primaries;
    private final Algorithm backups;
    /** Servers warming up ({@code slowstart}), at most one entry each. */
    private final List<Warmup> warming = new ArrayList<>();

    /** A server's warm-up: since when, and for how many whole seconds. */
    private record Warmup(BalancedServer server, long sinceNanos, long slowstartS) {}

    /** When warm-ups ({@code slowstart}) started and how far they are. */
    private final Clock clock;

    private Balancer(List<BalancedServer> servers, Algorithm primaries, Algorithm backups,
            Clock clock) {
        this.clock = clock;
        this.servers = servers;
        this.primaries = primaries;
        this.backups = backups;
    }

    /**
     * A balancer over {@code servers} (declaration order, indexes 0..n-1), all starting
     * unusable until {@link #serverUp} is called.
     */
    public static Balancer create(BalanceConfig config, List<BalancedServer> servers,
            RandomGenerator random) {
        return create(config, servers, random, false);
    }

    /** As above; {@code allBackups} balances over every backup server ({@code allbackups}). */
    public static Balancer create(BalanceConfig config, List<BalancedServer> servers,
            RandomGenerator random, boolean allBackups) {
        return create(config, servers, random, allBackups, Clock.system());
    }

    /** As above, warm-ups ({@code slowstart}) timed by {@code clock}. */
    public static Balancer create(BalanceConfig config, List<BalancedServer> servers,
            RandomGenerator random, boolean allBackups, Clock clock) {
        for (int i = 0; i < servers.size(); i++) {
            Checks.argument(servers.get(i).index() == i, "servers must be indexed 0..n-1");
        }
        List<BalancedServer> primary = servers.stream().filter(s -> !s.backup()).toList();
        List<BalancedServer> backup = servers.stream().filter(BalancedServer::backup).toList();
        Algorithm.Factory factory = Algorithms.factory(config, random);
        return new Balancer(List.copyOf(servers), factory.create(primary),
                allBackups ? factory.create(backup) : new First(backup), clock);
    }

    /**
     * A usable server with room for the request, never {@code avoid} (the server that just
     * failed it); null when there is none.
     */
    public synchronized BalancedServer pick(RequestKey key, BalancedServer avoid) {
        tick();
        BalancedServer chosen = primaries.pick(key, avoid);
        if (chosen == null && !anyUsablePrimary()) {
            chosen = backups.pick(key, avoid);
        }
        return chosen;
    }

    /** The server passed its checks or was set READY: it takes new traffic. */
    public synchronized void serverUp(BalancedServer server) {
        if (!server.usable()) {
            server.setUsable(true);
            group(server).serverChanged(server, Algorithm.Change.UP);
        }
    }

    /**
     * The server came back UP or out of maintenance: it takes new traffic, and with a
     * {@code slowstart} of {@code slowstartMs} it starts at the first step of its weight and
     * maxconn, gaining them as the seconds pass. HAProxy never slow-starts the servers
     * it starts with: those go through {@link #serverUp}.
     */
    public synchronized void serverBackUp(BalancedServer server, long slowstartMs) {
        warming.removeIf(w -> w.server() == server);
        long slowstartS = SlowStart.seconds(slowstartMs);
        if (slowstartS > 0) {
            warming.add(new Warmup(server, clock.nanoTime(), slowstartS));
            warm(server, 0, slowstartS);
        }
        serverUp(server);
    }

    /**
     * Moves the servers warming up to the step the clock gives now; each pick does it, and
     * so should whoever reads their weights (the stats).
     */
    public synchronized void tick() {
        if (warming.isEmpty()) {
            return;
        }
        long nowNanos = clock.nanoTime();
        for (Iterator<Warmup> it = warming.iterator(); it.hasNext();) {
            Warmup warmup = it.next();
            long elapsedS = Math.max(0, (nowNanos - warmup.sinceNanos()) / 1_000_000_000L);
            boolean changed = warm(warmup.server(), elapsedS, warmup.slowstartS());
            if (elapsedS >= warmup.slowstartS()) {
                it.remove();
            }
            if (changed && warmup.server().usable()) {
                group(warmup.server()).serverChanged(warmup.server(), Algorithm.Change.WEIGHT);
            }
        }
    }

    private boolean warm(BalancedServer server, long elapsedS, long slowstartS) {
        int sixteenths = group(server).weighsLive()
                ? SlowStart.warmth(elapsedS, slowstartS)
                : SlowStart.FULL;
        return server.warm(sixteenths, SlowStart.maxconn(server.maxconn(), elapsedS,
                slowstartS));
    }

    /** The server went DOWN, MAINT or DRAIN: it takes no new traffic. */
    public synchronized void serverDown(BalancedServer server) {
        if (warming.removeIf(w -> w.server() == server)) {
            server.warm(SlowStart.FULL, server.maxconn());
        }
        if (server.usable()) {
            server.setUsable(false);
            group(server).serverChanged(server, Algorithm.Change.DOWN);
        }
    }

    /** Changes a server's weight at run time (0 to 256). */
    public synchronized void setWeight(BalancedServer server, int weight) {
        if (server.weight() != weight) {
            server.setWeight(weight);
            group(server).serverChanged(server, Algorithm.Change.WEIGHT);
        }
    }

    /** A connection to the server was opened for a request. */
    public synchronized void connectionTaken(BalancedServer server) {
        server.take();
        group(server).connectionTaken(server);
    }

    /** A connection counted by {@link #connectionTaken} ended. */
    public synchronized void connectionReleased(BalancedServer server) {
        server.release();
        group(server).connectionReleased(server);
    }

    /** Whether {@code server} takes traffic and is below its connection limit. */
    public synchronized boolean hasRoom(BalancedServer server) {
        return server.hasRoom();
    }

    /** True when some server, primary or backup, takes new traffic. */
    public synchronized boolean anyUsable() {
        for (BalancedServer server : servers) {
            if (server.usable()) {
                return true;
            }
        }
        return false;
    }

    public List<BalancedServer> servers() {
        return servers;
    }

    private boolean anyUsablePrimary() {
        for (BalancedServer server : servers) {
            if (!server.backup() && server.usable()) {
                return true;
            }
        }
        return false;
    }

    private Algorithm group(BalancedServer server) {
        Checks.argument(servers.get(server.index()) == server, "server of another backend");
        return server.backup() ? backups : primaries;
    }
}
