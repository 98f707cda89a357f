package io.bramble.cluster.policy;

import io.bramble.cluster.model.AgentName;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterProperties;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.ColocationConstraint;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.Defaults;
import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.Group;
import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.NoQuorumPolicy;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Operation;
import io.bramble.cluster.model.OrderConstraint;
import io.bramble.cluster.model.OrderKind;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.model.Score;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SequencedMap;

/**
 * A cluster written as a scenario file's lines, one statement a line:
 * <pre>
 * nodes n1 n2 n3              all online
 * standby n2 | offline n3     node states
 * no-quorum                   the partition lacks quorum
 * property NAME=VALUE         stonith-enabled (false unless set), no-quorum-policy,
 *                             symmetric-cluster
 * defaults NAME=VALUE...      rsc_defaults
 * primitive ID [NAME=VALUE...]          an ocf:heartbeat:Dummy with a 10 s monitor; meta attributes
 * fence-device ID                       a stonith:fence_bramble_lab with a 60 s monitor
 * group ID MEMBER... [meta NAME=VALUE...]  members defined by the group line
 * location RSC NODE SCORE
 * colocation DEPENDENT PRIMARY SCORE
 * order FIRST THEN [Mandatory|Optional|Serialize] [asymmetrical]
 * running RSC NODE
 * failed RSC NODE COUNT SECONDS_AGO
 * </pre>
 */
final class Scenario {
    static final long NOW = RandomClusters.NOW;

    private final List<Node> nodes = new ArrayList<>();
    private final List<Resource> resources = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final SequencedMap<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> running = new LinkedHashMap<>();
    private final List<FailCount> failures = new ArrayList<>();
    private boolean quorate = true;
    private boolean stonith;
    private boolean symmetric = true;
    private NoQuorumPolicy policy = NoQuorumPolicy.STOP;

    private Scenario() {
    }

    static Cluster parse(List<String> lines) {
        Scenario s = new Scenario();
        for (String line : lines) {
            String text = line.replaceAll("#.*", "").strip();
            if (!text.isEmpty()) {
                s.statement(text.split("\\s+"));
            }
        }
        return s.cluster();
    }

    private void statement(String[] w) {
        List<String> rest = Arrays.asList(w).subList(1, w.length);
        switch (w[0]) {
            case "nodes" -> rest.forEach(n -> nodes.add(new Node(Integer.toString(
                    nodes.size() + 1), n, true, false)));
            case "standby" -> replaceNode(w[1], true, true);
            case "offline" -> replaceNode(w[1], false, false);
            case "no-quorum" -> quorate = false;
            case "property" -> property(w[1]);
            case "defaults" -> defaults.putAll(pairs(rest));
            case "primitive" -> resources.add(primitive(w[1], pairs(rest.subList(1,
                    rest.size()))));
            case "fence-device" -> resources.add(new Primitive(w[1], new AgentName("stonith",
                    java.util.Optional.empty(), "fence_bramble_lab"), new LinkedHashMap<>(),
                    List.of(new Operation(w[1] + "-monitor-interval-60s", "monitor", 60_000,
                            OptionalLong.of(20_000))),
                    new LinkedHashMap<>()));
            case "group" -> group(rest);
            case "location" -> constraints.add(new LocationConstraint("location-"
                    + constraints.size(), w[1], w[2], score(w[3])));
            case "colocation" -> constraints.add(new ColocationConstraint("colocation-"
                    + constraints.size(), w[1], w[2], score(w[3])));
            case "order" -> order(w);
            case "running" -> running.put(w[1], w[2]);
            case "failed" -> failures.add(new FailCount(w[1], w[2], "monitor_10000",
                    Integer.parseInt(w[3]), NOW - Long.parseLong(w[4])));
            default -> throw new IllegalArgumentException("unknown statement: " + w[0]);
        }
    }

    private void replaceNode(String name, boolean online, boolean standby) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(name)) {
                nodes.set(i, new Node(nodes.get(i).id(), name, online, standby));
                return;
            }
        }
        throw new IllegalArgumentException("no node " + name);
    }

    private void property(String pair) {
        String[] kv = pair.split("=", 2);
        switch (kv[0]) {
            case "stonith-enabled" -> stonith = Boolean.parseBoolean(kv[1]);
            case "symmetric-cluster" -> symmetric = Boolean.parseBoolean(kv[1]);
            case "no-quorum-policy" -> policy = NoQuorumPolicy.parse(kv[1]).orElseThrow();
            default -> throw new IllegalArgumentException("unknown property " + kv[0]);
        }
    }

    private void group(List<String> words) {
        int meta = words.indexOf("meta");
        List<String> members = meta < 0
                ? words.subList(1, words.size())
                : words.subList(1, meta);
        SequencedMap<String, String> groupMeta = meta < 0
                ? new LinkedHashMap<>()
                : pairs(words.subList(meta + 1, words.size()));
        List<Primitive> primitives = new ArrayList<>();
        for (String id : members) {
            Primitive defined = resources.stream().filter(r -> r.id().equals(id))
                    .map(r -> (Primitive) r).findFirst().orElse(null);
            if (defined != null) {
                resources.remove(defined);
            }
            primitives.add(defined != null ? defined : primitive(id, new LinkedHashMap<>()));
        }
        resources.add(new Group(words.get(0), primitives, groupMeta));
    }

    private void order(String[] w) {
        List<String> options = Arrays.asList(w).subList(3, w.length);
        OrderKind kind = options.stream().map(OrderKind::parse).flatMap(java.util.Optional::stream)
                .findFirst().orElse(OrderKind.MANDATORY);
        boolean symmetrical = !options.contains("asymmetrical") && kind != OrderKind.SERIALIZE;
        constraints.add(new OrderConstraint("order-" + constraints.size(), w[1], w[2], kind,
                symmetrical));
    }

    private static Primitive primitive(String id, SequencedMap<String, String> meta) {
        Operation monitor = new Operation(id + "-monitor-interval-10s", "monitor", 10_000,
                OptionalLong.of(20_000));
        return new Primitive(id, AgentName.ocf("heartbeat", "Dummy"), new LinkedHashMap<>(),
                List.of(monitor), meta);
    }

    private static SequencedMap<String, String> pairs(List<String> words) {
        SequencedMap<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            String[] kv = w.split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static int score(String text) {
        return Score.parse(text).orElseThrow(() -> new IllegalArgumentException(text));
    }

    private Cluster cluster() {
        return new Cluster(new ClusterProperties(stonith, policy, symmetric, 900_000, true),
                nodes, resources, constraints, new Defaults(defaults, new LinkedHashMap<>()),
                new ClusterStatus(quorate, running, failures));
    }
}
