package io.bramble.lb.balance;

import io.bramble.common.check.Checks;
import io.bramble.lb.config.BalanceConfig;
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

    private Balancer(List<BalancedServer> servers, Algorithm primaries, Algorithm backups) {
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
        for (int i = 0; i < servers.size(); i++) {
            Checks.argument(servers.get(i).index() == i, "servers must be indexed 0..n-1");
        }
        List<BalancedServer> primary = servers.stream().filter(s -> !s.backup()).toList();
        List<BalancedServer> backup = servers.stream().filter(BalancedServer::backup).toList();
        Algorithm.Factory factory = Algorithms.factory(config, random);
        return new Balancer(List.copyOf(servers), factory.create(primary),
                allBackups ? factory.create(backup) : new First(backup));
    }

    /**
     * A usable server with room for the request, never {@code avoid} (the server that just
     * failed it); null when there is none.
     */
    public synchronized BalancedServer pick(RequestKey key, BalancedServer avoid) {
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

    /** The server went DOWN, MAINT or DRAIN: it takes no new traffic. */
    public synchronized void serverDown(BalancedServer server) {
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
