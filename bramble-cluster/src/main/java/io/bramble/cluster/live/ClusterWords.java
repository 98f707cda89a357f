package io.bramble.cluster.live;

import io.bramble.cluster.pcs.CibStamp;
import io.bramble.cluster.pcs.Pcs;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsOptions;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Role;
import io.bramble.pool.node.NodeCommands;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * pcs's words that make a cluster, on bramble's pool: {@code host auth} ({@code cluster auth}
 * in bramble's words), {@code cluster setup}, {@code cluster start} and {@code cluster stop}.
 * The pool stands in for pcsd and corosync: a host is authorized once it is a member of this
 * node's pool ({@code host auth} probes it when it is not, as {@code peer probe} does, the
 * pool's join secret standing in for hacluster's password), and the cluster runs on every
 * member that is not a witness for as long as its {@code bramble node} runs.
 */
final class ClusterWords {
    private final PoolNode node;

    ClusterWords(PoolNode node) {
        this.node = node;
    }

    /** Runs {@code cluster setup|start|stop WORDS}; pcs's lines and exit code. */
    PcsResult run(String verb, List<String> words, LiveCib cib, CibStamp stamp) {
        return switch (verb) {
            case "setup" -> setup(words, cib, stamp);
            case "start" -> start(words);
            case "stop" -> throw new PcsException("'pcs cluster stop' is not supported by"
                    + " bramble: the cluster runs on a node as long as its bramble node does;"
                    + " move its resources away with 'pcs node standby NODE', or stop the"
                    + " daemon (systemctl stop bramble-node)");
            default -> throw new IllegalArgumentException(verb);
        };
    }

    static boolean handles(String verb) {
        return Set.of("setup", "start", "stop").contains(verb);
    }

    /** {@code pcs host auth HOST... [-u USER] [-p PASSWORD]}; needs no pool yet. */
    PcsResult auth(List<String> words) {
        List<String> hosts = hosts(words, Set.of("-u", "-p"), "pcs host auth HOST..."
                + " [-u USER] [-p PASSWORD]");
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        for (String host : hosts) {
            if (member(host).isPresent()) {
                out.add(host + ": Authorized");
                continue;
            }
            CommandReply probe = NodeCommands.run(node, List.of("peer", "probe", host));
            if (probe.exitCode() == 0) {
                out.add(host + ": Authorized");
            } else {
                err.add("Error: Unable to authenticate to " + host + " - " + probe.err()
                        .strip());
            }
        }
        return new PcsResult(Optional.empty(), out, err, err.isEmpty() ? 0 : 1);
    }

    /** {@code pcs cluster setup NAME NODE... [--start] [--enable]}. */
    private PcsResult setup(List<String> words, LiveCib cib, CibStamp stamp) {
        List<String> err = new ArrayList<>();
        boolean start = false;
        List<String> positional = new ArrayList<>();
        for (String word : words) {
            if (word.equals("--start")) {
                start = true;
            } else if (word.equals("--enable")) {
                err.add("Warning: --enable: bramble node starts at boot as its systemd unit"
                        + " is enabled; nothing else to enable");
            } else if (word.startsWith("-") || word.contains("=") || Set.of("transport",
                    "totem", "quorum", "knet", "udp", "udpu").contains(word)) {
                throw new PcsException("'" + word + "' is not supported by bramble's cluster"
                        + " setup: membership and quorum come from the pool; usage: pcs"
                        + " cluster setup NAME NODE... [--start] [--enable]");
            } else {
                positional.add(word);
            }
        }
        if (positional.size() < 2) {
            throw new PcsException("usage: pcs cluster setup NAME NODE... [--start]"
                    + " [--enable]");
        }
        String name = positional.getFirst();
        List<String> hostsNamed = positional.subList(1, positional.size());
        for (String host : hostsNamed) {
            if (member(host).isEmpty()) {
                throw new PcsException("Host '" + host + "' is not known to pcs, try to"
                        + " authenticate the host using 'pcs host auth " + host + "' command");
            }
        }
        Set<String> nodes = new LinkedHashSet<>();
        hostsNamed.forEach(h -> nodes.add(member(h).orElseThrow().hostname()));
        Set<String> cluster = new LinkedHashSet<>(PoolHosts.of(node).all());
        if (!nodes.equals(cluster)) {
            throw new PcsException("the cluster's nodes are the pool's members that are not"
                    + " witnesses (" + String.join(", ", cluster) + "); name each of them,"
                    + " or remove a member from the pool with 'bramble peer detach HOST'");
        }
        if (hasResources(cib)) {
            throw new PcsException("the pool already has a cluster with resources; remove"
                    + " them first ('pcs resource delete ID'), bramble does not destroy a"
                    + " running cluster");
        }
        try (InstalledAgents agents = new InstalledAgents()) {
            PcsResult named = cib.run(List.of("property", "set", "cluster-name=" + name,
                    "--force"), agents, List.copyOf(cluster), stamp);
            if (named.exitCode() != 0) {
                return named;
            }
        }
        List<String> out = new ArrayList<>();
        out.add("Cluster has been successfully set up.");
        if (start) {
            out.addAll(start(List.of("--all")).out());
        }
        return new PcsResult(Optional.empty(), out, err, 0);
    }

    /** {@code pcs cluster start [--all | NODE...]}: every node named must run bramble node. */
    private PcsResult start(List<String> words) {
        boolean all = words.contains("--all");
        List<String> named = words.stream().filter(w -> !w.equals("--all") && !w.equals(
                "--wait")).toList();
        named.stream().filter(w -> w.startsWith("-")).findFirst().ifPresent(w -> {
            throw new PcsException("'" + w + "' is not supported by bramble's cluster start;"
                    + " usage: pcs cluster start [--all | NODE...]");
        });
        PoolHosts hosts = PoolHosts.of(node);
        List<String> targets = all
                ? hosts.all()
                : named.isEmpty()
                        ? List.of(hosts.names().apply(node.id()).orElse(node.id().toString()))
                        : named;
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        for (String target : targets) {
            Optional<Member> member = member(target);
            if (member.isEmpty()) {
                err.add("Error: " + target + ": not a node of this cluster; add it with 'pcs"
                        + " host auth " + target + "'");
            } else if (!hosts.online().contains(member.get().hostname())) {
                err.add("Error: " + target + ": Unable to connect to " + target + ", is"
                        + " bramble node running there? (systemctl start bramble-node)");
            } else {
                out.add(target + ": Starting Cluster...");
            }
        }
        return new PcsResult(Optional.empty(), out, err, err.isEmpty() ? 0 : 1);
    }

    /** The member known as {@code host} that runs resources (not a witness). */
    private Optional<Member> member(String host) {
        return node.members().byName(host).filter(m -> m.role() != Role.WITNESS);
    }

    private boolean hasResources(LiveCib cib) {
        PoolHosts hosts = PoolHosts.of(node);
        return !LiveView.configuration(cib.read().toXml(), hosts.all(), hosts.online())
                .resources().isEmpty();
    }

    /** The hosts among {@code words}, without the options that take a value. */
    private static List<String> hosts(List<String> words, Set<String> valued, String usage) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (valued.contains(word)) {
                i++;
            } else if (word.startsWith("-")) {
                throw new PcsException("'" + word + "' is not supported by bramble; usage: "
                        + usage);
            } else if (word.contains("=")) {
                throw new PcsException("'" + word + "': bramble reaches hosts by the names"
                        + " and addresses the pool knows; usage: " + usage);
            } else {
                hosts.add(word);
            }
        }
        if (hosts.isEmpty()) {
            throw new PcsException("usage: " + usage);
        }
        return hosts;
    }
}
