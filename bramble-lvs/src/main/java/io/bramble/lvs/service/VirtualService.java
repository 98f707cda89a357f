package io.bramble.lvs.service;

import io.bramble.common.time.Clock;
import io.bramble.lvs.config.ForwardMethod;
import io.bramble.lvs.config.VirtualServerConfig;
import io.bramble.lvs.schedule.Destination;
import io.bramble.lvs.schedule.Flow;
import io.bramble.lvs.schedule.PersistenceTable;
import io.bramble.lvs.schedule.Scheduler;
import io.bramble.lvs.schedule.Schedulers;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One virtual service: which real servers are in its table (IPVS's list of destinations) and
 * with what weight, as keepalived keeps it from check results; the quorum with its hysteresis
 * and the sorry server; the scheduler and the persistence templates that choose a server for
 * each new connection. A failed server leaves the table, or stays with weight 0 under
 * {@code inhibit_on_failure}. Thread-safe: every method holds the service's lock briefly.
 */
public final class VirtualService {
    private final VirtualServerConfig config;
    private final Clock clock;
    private final List<RealServer> reals = new ArrayList<>();
    private final Destination sorry;
    /** Each server's forwarding method; fixed at start. */
    private final Map<Destination, ForwardMethod> methods = new IdentityHashMap<>();
    private final Scheduler scheduler;
    private final PersistenceTable persistence;
    /** The table the scheduler sees, in configuration order. */
    private List<Destination> table = List.of();
    private boolean quorumUp;
    private final ServiceCounters counters = new ServiceCounters();

    public VirtualService(VirtualServerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        for (var real : config.realServers()) {
            RealServer server = new RealServer(real);
            reals.add(server);
            methods.put(server.destination, real.method());
        }
        this.sorry = config.sorryServer().map(address -> new Destination(address, 1))
                .orElse(null);
        if (sorry != null) {
            methods.put(sorry, config.method());
        }
        this.scheduler = Schedulers.create(config.scheduler());
        this.persistence = config.persistence().map(p -> new PersistenceTable(
                p.timeout().toNanos(), p.prefixBits(), PersistenceTable.ENTRIES_MAX))
                .orElse(null);
        this.quorumUp = liveWeight() >= config.quorum();
        rebuildTable();
    }

    public VirtualServerConfig config() {
        return config;
    }

    /** What it carried and refused, for its metrics. */
    public ServiceCounters counters() {
        return counters;
    }

    /** How connections reach {@code server}, one of this service's. */
    public ForwardMethod method(Destination server) {
        return methods.get(server);
    }

    /**
     * The server for a new connection from {@code client} to {@code target}, counted as an
     * active connection on it; null when no server may take it (the client is refused).
     */
    public synchronized Destination connect(InetAddress client, InetAddress target) {
        long now = clock.nanoTime();
        Destination chosen = persistence == null
                ? null
                : persistence.lookup(client, now, table::contains);
        if (chosen == null) {
            chosen = scheduler.schedule(table, new Flow(client, target, now));
        }
        if (chosen == null) {
            counters.refused(ServiceCounters.Refusal.NO_SERVER);
            return null;
        }
        chosen.connected();
        counters.connected();
        if (persistence != null) {
            persistence.connected(client, chosen, now);
        }
        return chosen;
    }

    /** A connection to {@code server} started closing: it now counts as inactive. */
    public synchronized void deactivated(Destination server) {
        server.deactivated();
    }

    /** A connection from {@code client} ended; {@code active} if it never started closing. */
    public synchronized void disconnected(InetAddress client, Destination server,
            boolean active) {
        server.disconnected(active);
        if (persistence != null) {
            persistence.disconnected(client, clock.nanoTime());
        }
    }

    /**
     * Checker {@code check} of real server {@code real} passed or failed (a decided state,
     * after its retries); {@code dynamicWeight} is the weight a dynamic MISC_CHECK asks for, or
     * -1. Returns what to log and run.
     */
    public synchronized List<LvsEvent> checked(int real, int check, boolean up,
            int dynamicWeight) {
        RealServer server = reals.get(real);
        boolean wasUp = server.up();
        int weightBefore = server.weightUp();
        server.checkUp(check, up);
        if (up && dynamicWeight >= 0) {
            server.dynamicWeight = dynamicWeight;
        }
        List<LvsEvent> events = new ArrayList<>();
        boolean isUp = server.up();
        if (isUp != wasUp) {
            events.add(new LvsEvent.Log((isUp ? "Enabling" : "Disabling") + " real server "
                    + server.name() + " of virtual server " + config.name()
                    + (!isUp && server.config.inhibitOnFailure()
                            ? " (inhibited: weight 0)"
                            : "")));
            var script = isUp ? server.config.notifyUp() : server.config.notifyDown();
            if (!script.isEmpty()) {
                events.add(new LvsEvent.RunScript(script, (isUp ? "notify_up " : "notify_down ")
                        + server.name()));
            }
        } else if (isUp && server.weightUp() != weightBefore) {
            events.add(new LvsEvent.Log("Weight of real server " + server.name() + " set to "
                    + server.weightUp() + " by its MISC_CHECK"));
        }
        updateQuorum(events);
        rebuildTable();
        return events;
    }

    /** At shutdown with {@code omega}: the down scripts of what is up. */
    public synchronized List<LvsEvent> stopping() {
        List<LvsEvent> events = new ArrayList<>();
        if (!config.omega()) {
            return events;
        }
        for (RealServer server : reals) {
            if (server.up() && !server.config.notifyDown().isEmpty()) {
                events.add(new LvsEvent.RunScript(server.config.notifyDown(), "notify_down "
                        + server.name() + " (omega)"));
            }
        }
        if (quorumUp && !config.quorumDown().isEmpty()) {
            events.add(new LvsEvent.RunScript(config.quorumDown(), "quorum_down (omega)"));
        }
        return events;
    }

    /** What {@code ipvsadm -Ln} would list for this service now. */
    public synchronized ServiceView view() {
        List<ServiceView.Row> rows = new ArrayList<>();
        for (Destination server : table) {
            rows.add(new ServiceView.Row(server.address(), methods.get(server), server.weight(),
                    server.activeConnections(), server.inactiveConnections(),
                    server.connectionsTotal()));
        }
        List<ServiceView.Health> health = new ArrayList<>();
        for (RealServer server : reals) {
            health.add(new ServiceView.Health(server.config.address(), server.up()));
        }
        return new ServiceView(config, rows, health, quorumUp, counters.snapshot());
    }

    private long liveWeight() {
        long sum = 0;
        for (RealServer server : reals) {
            if (server.up()) {
                sum += server.weightUp();
            }
        }
        return sum;
    }

    /** keepalived's rule: up at quorum + hysteresis, down below quorum - hysteresis or 0. */
    private void updateQuorum(List<LvsEvent> events) {
        long live = liveWeight();
        if (!quorumUp && live >= (long) config.quorum() + config.hysteresis()) {
            quorumUp = true;
            events.add(new LvsEvent.Log("Gained quorum " + config.quorum() + "+"
                    + config.hysteresis() + "=" + live + " for virtual server "
                    + config.name()));
            if (!config.quorumUp().isEmpty()) {
                events.add(new LvsEvent.RunScript(config.quorumUp(), "quorum_up"));
            }
        } else if (quorumUp && (live == 0
                || live < (long) config.quorum() - config.hysteresis())) {
            quorumUp = false;
            events.add(new LvsEvent.Log("Lost quorum " + config.quorum() + "-"
                    + config.hysteresis() + ">" + live + " for virtual server "
                    + config.name()));
            if (!config.quorumDown().isEmpty()) {
                events.add(new LvsEvent.RunScript(config.quorumDown(), "quorum_down"));
            }
        }
    }

    /**
     * The sorry server alone while the quorum is lost; otherwise the servers that are up with
     * their weight and the failed inhibited ones with weight 0.
     */
    private void rebuildTable() {
        List<Destination> next = new ArrayList<>();
        if (!quorumUp && sorry != null) {
            next.add(sorry);
        } else {
            for (RealServer server : reals) {
                if (server.up()) {
                    server.destination.setWeight(server.weightUp());
                    next.add(server.destination);
                } else if (server.config.inhibitOnFailure()) {
                    server.destination.setWeight(0);
                    next.add(server.destination);
                }
            }
        }
        table = List.copyOf(next);
        scheduler.serversChanged(table);
    }
}
