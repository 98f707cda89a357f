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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.SequencedMap;

/**
 * Small random clusters for checking the engine against Pacemaker: 2–5 nodes (some offline or
 * in standby), Dummy primitives and groups with random meta attributes, constraints with
 * scores including ±INFINITY, resources already running, fail counts, quorum loss.
 */
final class RandomClusters {
    /** The time every generated cluster is scheduled at (2023-11-14T22:13:20Z). */
    static final long NOW = 1_700_000_000L;
    private static final int[] SCORES = {-Score.INFINITY, -200, -50, -10, 10, 20, 50, 100, 200,
            Score.INFINITY};
    private static final String[] STICKINESS = {"0", "10", "50", "100", "INFINITY"};

    private final Random random;

    private RandomClusters(long seed) {
        this.random = new Random(seed);
    }

    static Cluster generate(long seed) {
        return new RandomClusters(seed).cluster();
    }

    private Cluster cluster() {
        List<Node> nodes = nodes();
        List<Resource> resources = resources();
        List<String> online = nodes.stream().filter(Node::online).map(Node::name).toList();
        Map<String, String> running = running(resources, online);
        boolean quorate = random.nextInt(5) != 0;
        NoQuorumPolicy policy = NoQuorumPolicy.values()[random.nextInt(3)];
        ClusterProperties properties = new ClusterProperties(false, policy,
                random.nextInt(6) != 0, 15 * 60_000L, true);
        SequencedMap<String, String> rscDefaults = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            rscDefaults.put("resource-stickiness", pick(STICKINESS));
        }
        return new Cluster(properties, nodes, resources, constraints(resources, nodes),
                new Defaults(rscDefaults, new LinkedHashMap<>()),
                new ClusterStatus(quorate, running, failCounts(resources, nodes)));
    }

    private List<Node> nodes() {
        int count = 2 + random.nextInt(4);
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            boolean online = random.nextInt(5) != 0;
            boolean standby = random.nextInt(6) == 0;
            nodes.add(new Node(Integer.toString(i), "n" + i, online, standby));
        }
        return nodes;
    }

    private List<Resource> resources() {
        int count = 1 + random.nextInt(5);
        List<Resource> resources = new ArrayList<>();
        int primitiveNumber = 1;
        for (int i = 1; i <= count; i++) {
            if (random.nextInt(4) == 0) {
                List<Primitive> members = new ArrayList<>();
                int size = 2 + random.nextInt(2);
                for (int m = 0; m < size; m++) {
                    members.add(primitive("r" + primitiveNumber++, random.nextInt(8) == 0));
                }
                resources.add(new Group("g" + i, members, meta(false)));
            } else {
                resources.add(primitive("r" + primitiveNumber++, true));
            }
        }
        return resources;
    }

    private Primitive primitive(String id, boolean withMeta) {
        Operation monitor = new Operation(id + "-monitor-interval-10s", "monitor", 10_000,
                OptionalLong.of(20_000));
        return new Primitive(id, AgentName.ocf("heartbeat", "Dummy"), new LinkedHashMap<>(),
                List.of(monitor), withMeta ? meta(true) : new LinkedHashMap<>());
    }

    private SequencedMap<String, String> meta(boolean primitive) {
        SequencedMap<String, String> meta = new LinkedHashMap<>();
        if (random.nextInt(10) == 0) {
            meta.put("target-role", "Stopped");
        }
        if (primitive && random.nextInt(15) == 0) {
            meta.put("is-managed", "false");
        }
        if (random.nextInt(3) == 0) {
            meta.put("resource-stickiness", pick(STICKINESS));
        }
        if (random.nextInt(3) == 0) {
            meta.put("migration-threshold", Integer.toString(1 + random.nextInt(3)));
        }
        if (random.nextInt(4) == 0) {
            meta.put("failure-timeout", "60s");
        }
        if (random.nextInt(4) == 0) {
            meta.put("priority", Integer.toString(random.nextInt(10)));
        }
        return meta;
    }

    private Map<String, String> running(List<Resource> resources, List<String> online) {
        Map<String, String> running = new LinkedHashMap<>();
        if (online.isEmpty()) {
            return running;
        }
        for (Resource r : resources) {
            if (random.nextInt(2) == 0) {
                continue;
            }
            String node = pick(online);
            List<Primitive> members = r.primitives();
            int upTo = random.nextInt(4) == 0
                    ? random.nextInt(members.size() + 1)
                    : members.size();
            for (int i = 0; i < upTo; i++) {
                running.put(members.get(i).id(), node);
            }
        }
        return running;
    }

    private List<FailCount> failCounts(List<Resource> resources, List<Node> nodes) {
        List<FailCount> failures = new ArrayList<>();
        for (Resource r : resources) {
            for (Primitive p : r.primitives()) {
                if (random.nextInt(3) == 0) {
                    String node = pick(nodes).name();
                    long ago = new long[]{10, 100, 1000}[random.nextInt(3)];
                    failures.add(new FailCount(p.id(), node, "monitor_10000",
                            1 + random.nextInt(3), NOW - ago));
                }
            }
        }
        return failures;
    }

    private List<Constraint> constraints(List<Resource> resources, List<Node> nodes) {
        List<Constraint> constraints = new ArrayList<>();
        List<String> ids = resources.stream().map(Resource::id).toList();
        // Two orders between the same two resources are left out: Pacemaker merges them in
        // a way bramble does not follow (docs/cluster.md).
        java.util.Set<String> ordered = new java.util.HashSet<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String a = pick(ids);
            String b = pick(ids);
            int score = SCORES[random.nextInt(SCORES.length)];
            switch (random.nextInt(3)) {
                case 0 -> constraints.add(new LocationConstraint("location-" + i, a,
                        pick(nodes).name(), score));
                case 1 -> {
                    if (!a.equals(b)) {
                        constraints.add(new ColocationConstraint("colocation-" + i, a, b, score));
                    }
                }
                default -> {
                    if (!a.equals(b)) {
                        OrderKind kind = OrderKind.values()[random.nextInt(3)];
                        boolean symmetrical = kind != OrderKind.SERIALIZE
                                && random.nextInt(4) != 0;
                        String pair = a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
                        if (ordered.add(pair)) {
                            constraints.add(new OrderConstraint("order-" + i, a, b, kind,
                                    symmetrical));
                        }
                    }
                }
            }
        }
        return constraints;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
