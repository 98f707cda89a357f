package io.bramble.cluster.live;

import io.bramble.cluster.pcs.CibStamp;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.cluster.simulate.MonitorReport;
import io.bramble.common.time.Clock;
import io.bramble.pool.node.CommandFailure;
import io.bramble.pool.node.CommandSet;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.wire.Message.CommandReply;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The pcs words a {@code bramble node} serves on the live cluster: {@code resource},
 * {@code constraint}, {@code property} and {@code stonith} as pcs has them, and
 * {@code cluster standby|unstandby|status} (pcs's {@code node standby} and {@code status},
 * since the pool's {@code node} word is taken). The lines come from the local CLI, which sends
 * what the user typed.
 */
public final class PcsCommands implements CommandSet {
    /** The client a change of the CIB is made through, as its stamp names it. */
    static final String CLIENT = "bramble";

    private final Clock clock;

    /** {@code clock} gives the time {@code cluster status} shows as crm_mon's Last updated. */
    public PcsCommands(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> words() {
        return Set.of("resource", "constraint", "property", "stonith", "cluster", "quorum");
    }

    @Override
    public CommandReply run(PoolNode node, List<String> args) {
        if (args.equals(List.of("cluster", "auth")) || args.size() > 2 && args.subList(0, 2)
                .equals(List.of("cluster", "auth"))) {
            try {
                // pcs's host auth makes the pool, so it runs before there is one.
                return reply(new ClusterWords(node).auth(args.subList(2, args.size())));
            } catch (PcsException e) {
                throw new CommandFailure(String.join("\n", e.errors().stream()
                        .map(m -> "Error: " + m).toList()));
            }
        }
        if (args.equals(List.of("quorum", "status"))) {
            return new CommandReply(0, QuorumStatus.render(node.members().all(), node.id(),
                    node.reachableVoters(), Instant.ofEpochMilli(clock.epochMillis()),
                    ZoneId.systemDefault()), "");
        }
        LiveCib cib = new LiveCib(node.store().orElseThrow(() -> new CommandFailure(
                args.getFirst() + ": this node is in no pool yet; the cluster's configuration"
                        + " lives in the pool ('bramble peer probe HOST' or 'bramble cluster"
                        + " auth HOST...' makes one)")));
        try {
            if (args.equals(List.of("cluster", "status", "nodes"))) {
                return new CommandReply(0, LiveStatus.nodes(cib, PoolHosts.of(node)), "");
            }
            boolean full = args.equals(List.of("cluster", "status", "--full"));
            if (full || args.equals(List.of("cluster", "status"))) {
                return new CommandReply(0, LiveStatus.render(cib, PoolHosts.of(node),
                        Instant.ofEpochMilli(clock.epochMillis()), ZoneId.systemDefault(),
                        full), "");
            }
            PoolHosts hosts = PoolHosts.of(node);
            CibStamp stamp = new CibStamp(MonitorReport.CTIME.format(Instant.ofEpochMilli(
                    clock.epochMillis()).atZone(ZoneId.systemDefault())), CLIENT,
                    hosts.names().apply(node.id()).orElse(node.id().toString()));
            if (args.size() > 1 && args.getFirst().equals("cluster") && ClusterWords.handles(
                    args.get(1))) {
                return reply(new ClusterWords(node).run(args.get(1), args.subList(2,
                        args.size()), cib, stamp));
            }
            if (args.size() > 1 && args.subList(0, 2).equals(List.of("cluster", "cib"))) {
                return reply(new LiveCibFile(cib, hosts).show(args.subList(2, args.size())));
            }
            if (args.size() > 1 && args.subList(0, 2).equals(List.of("cluster", "cib-push"))) {
                return reply(new LiveCibFile(cib, hosts).push(args.subList(2, args.size()),
                        stamp));
            }
            if (args.size() > 1 && args.subList(0, 2).equals(List.of("cluster", "destroy"))) {
                try (InstalledAgents agents = new InstalledAgents()) {
                    return reply(new LiveDestroy(cib, hosts, clock).run(args.subList(2,
                            args.size()), agents, stamp));
                }
            }
            List<String> words = pcsWords(args);
            if (words.size() > 2 && words.subList(0, 3).equals(List.of("resource",
                    "failcount", "show"))) {
                return reply(new PcsResult(java.util.Optional.empty(), FailcountListing.show(
                        cib.store().get(StatusRecord.TYPE, StatusRecord.KEY).map(v -> v.value()
                                .failCounts()).orElse(List.of()),
                        words.subList(3, words
                                .size())),
                        List.of(), 0));
            }
            if (words.size() > 1 && words.subList(0, 2).equals(List.of("stonith", "fence"))) {
                try (InstalledAgents agents = new InstalledAgents()) {
                    return reply(new LiveFence(cib, hosts, hosts.names().apply(node.id()))
                            .run(words.subList(2, words.size()), agents.fencer()));
                }
            }
            if (words.size() > 1 && words.get(0).equals("resource") && Set.of("refresh",
                    "cleanup").contains(words.get(1))) {
                return reply(new LiveRefresh(cib, hosts).run(words.subList(2, words.size())));
            }
            if (words.size() > 1 && words.get(0).equals("resource") && words.get(1).equals(
                    "move")) {
                return reply(new LiveMove(cib, hosts, clock).run(words.subList(2, words.size()),
                        stamp));
            }
            try (InstalledAgents agents = new InstalledAgents()) {
                if (words.size() > 1 && words.get(0).equals("resource") && words.get(1).equals(
                        "restart")) {
                    return reply(new LiveRestart(cib, hosts, clock).run(words.subList(2, words
                            .size()), agents, stamp));
                }
                return reply(cib.run(words, agents, hosts.all(), stamp));
            }
        } catch (PcsException e) {
            throw new CommandFailure(String.join("\n", e.errors().stream()
                    .map(m -> "Error: " + m).toList()));
        } catch (StoreException e) {
            throw new CommandFailure("Error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("Error: interrupted while waiting for the cluster");
        }
    }

    /** The line as pcs's words: {@code cluster standby} is pcs's {@code node standby}. */
    static List<String> pcsWords(List<String> args) {
        if (args.getFirst().equals("cluster")) {
            if (args.size() > 1 && Set.of("standby", "unstandby").contains(args.get(1))) {
                List<String> words = new ArrayList<>(args);
                words.set(0, "node");
                return words;
            }
            if (args.size() > 1 && args.get(1).equals("config")) {
                return args.subList(1, args.size());
            }
            throw new CommandFailure("Error: 'bramble " + String.join(" ", args.subList(0,
                    Math.min(2, args.size()))) + "' is not supported on the live cluster;"
                    + " supported: cluster auth, setup, start, status, config, destroy, cib,"
                    + " cib-push, standby, unstandby");
        }
        return args;
    }

    static CommandReply reply(PcsResult result) {
        return new CommandReply(result.exitCode(), lines(result.out()), lines(result.err()));
    }

    private static String lines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
