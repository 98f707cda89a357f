package io.bramble.cluster.cib;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterProperties;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.Defaults;
import io.bramble.cluster.model.Interval;
import io.bramble.cluster.model.NoQuorumPolicy;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.ResourceMeta;
import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;

/**
 * Reads a Pacemaker CIB into the model. Whatever bramble does not implement is an error that
 * names the element and its line; all errors are reported at once.
 */
public final class CibReader {
    /** Properties that only describe the cluster; the scheduler does not read them. */
    private static final Set<String> INFORMATIONAL_PROPERTIES = Set.of("dc-version",
            "cluster-infrastructure", "cluster-name", "have-watchdog", "last-lrm-refresh");
    private static final Set<String> CIB_CHILDREN = Set.of("configuration", "status");
    private static final Set<String> CONFIGURATION_CHILDREN = Set.of("crm_config", "nodes",
            "resources", "constraints", "rsc_defaults", "op_defaults");

    private CibReader() {
    }

    /**
     * The cluster {@code xml} describes.
     *
     * @param file the file's name as the user gave it, for messages
     * @throws ConfigException listing every problem, each with its line
     */
    public static Cluster read(String file, byte[] xml) {
        XmlElement cib;
        try {
            cib = XmlTreeParser.parse(xml);
        } catch (XmlTreeParser.XmlSyntaxException e) {
            var diagnostics = new io.bramble.common.config.Diagnostics();
            diagnostics.error(new Location(file, e.line()), "xml", e.getMessage());
            throw new ConfigException(diagnostics);
        }
        CibProblems problems = new CibProblems(file);
        if (!cib.name().equals("cib")) {
            problems.error(cib, "a CIB starts with <cib>, not <" + cib.name() + ">");
            throw new ConfigException(problems.diagnostics.inLineOrder());
        }
        problems.onlyChildren(cib, CIB_CHILDREN);
        XmlElement configuration = cib.child("configuration").orElse(null);
        if (configuration == null) {
            problems.error(cib, "<configuration> is missing");
            throw new ConfigException(problems.diagnostics.inLineOrder());
        }
        Cluster cluster = configuration(cib, configuration, problems);
        problems.diagnostics.inLineOrder().throwIfErrors();
        return cluster;
    }

    private static Cluster configuration(XmlElement cib, XmlElement configuration,
            CibProblems problems) {
        problems.onlyChildren(configuration, CONFIGURATION_CHILDREN);
        ClusterProperties properties = configuration.child("crm_config")
                .map(c -> properties(c, problems)).orElse(ClusterProperties.DEFAULTS);
        List<XmlElement> nodeElements = configuration.child("nodes")
                .map(n -> nodeElements(n, problems)).orElse(List.of());
        Map<String, String> namesById = new LinkedHashMap<>();
        nodeElements.forEach(n -> namesById.put(n.attribute("id").orElse(""),
                n.attribute("uname").orElse("")));
        var status = StatusReader.read(cib.child("status"), namesById, problems);
        List<Node> nodes = new ArrayList<>();
        for (XmlElement n : nodeElements) {
            String id = n.attribute("id").orElse("");
            nodes.add(new Node(id, namesById.get(id), status.online().getOrDefault(id, false),
                    standby(n, problems)));
        }
        var resources = configuration.child("resources")
                .map(r -> ResourcesReader.read(r, problems)).orElse(List.of());
        List<Constraint> constraints = configuration.child("constraints")
                .map(c -> ConstraintsReader.read(c, problems)).orElse(List.of());
        Defaults defaults = new Defaults(
                defaults(configuration, "rsc_defaults", problems, true),
                defaults(configuration, "op_defaults", problems, false));
        boolean quorate = cib.attribute("have-quorum").flatMap(ResourceMeta::boolValue)
                .orElse(false);
        ClusterStatus clusterStatus = new ClusterStatus(quorate, status.running(),
                status.failCounts(), status.failedActions(), status.history());
        if (problems.diagnostics.hasErrors()) {
            return null;
        }
        Cluster cluster = new Cluster(properties, nodes, resources, constraints, defaults,
                clusterStatus);
        References.check(cluster, configuration, problems);
        return cluster;
    }

    private static List<XmlElement> nodeElements(XmlElement nodes, CibProblems problems) {
        problems.onlyAttributes(nodes, Set.of());
        problems.onlyChildren(nodes, Set.of("node"));
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement node : nodes.children("node")) {
            problems.onlyAttributes(node, Set.of("id", "uname", "type", "description"));
            problems.onlyChildren(node, Set.of("instance_attributes"));
            node.attribute("type").filter(t -> !t.equals("member")).ifPresent(t -> problems
                    .error(node, "node type " + t + " is not supported (member only)"));
            if (problems.required(node, "id").isPresent()
                    && problems.required(node, "uname").isPresent()) {
                out.add(node);
            }
        }
        return out;
    }

    private static boolean standby(XmlElement node, CibProblems problems) {
        var attributes = NameValues.read(node, "instance_attributes", problems);
        for (String special : List.of("maintenance", "resource-discovery-enabled")) {
            if (attributes.containsKey(special)) {
                problems.error(node, "node attribute " + special + " is not supported");
            }
        }
        String standby = attributes.getOrDefault("standby", "off");
        Optional<Boolean> on = ResourceMeta.boolValue(standby);
        if (on.isEmpty()) {
            problems.error(node, "standby must be on or off, got " + standby);
        }
        return on.orElse(false);
    }

    private static ClusterProperties properties(XmlElement crmConfig, CibProblems problems) {
        problems.onlyChildren(crmConfig, Set.of("cluster_property_set"));
        SequencedMap<String, String> values = NameValues.read(crmConfig, "cluster_property_set",
                problems);
        ClusterProperties d = ClusterProperties.DEFAULTS;
        Properties p = new Properties(crmConfig, values, problems);
        ClusterProperties read = new ClusterProperties(
                p.bool("stonith-enabled", d.stonithEnabled()),
                p.noQuorumPolicy(d.noQuorumPolicy()),
                p.bool("symmetric-cluster", d.symmetricCluster()),
                p.interval("cluster-recheck-interval", d.recheckIntervalMs()),
                p.bool("start-failure-is-fatal", d.startFailureIsFatal()),
                p.stonithAction(d.stonithAction()),
                p.positiveInterval("stonith-timeout", d.stonithTimeoutMs()));
        for (String name : values.keySet()) {
            if (!Properties.NAMES.contains(name) && !INFORMATIONAL_PROPERTIES.contains(name)) {
                problems.error(crmConfig, "cluster property " + name + " is not supported");
            }
        }
        return read;
    }

    private static SequencedMap<String, String> defaults(XmlElement configuration, String name,
            CibProblems problems, boolean resource) {
        Optional<XmlElement> element = configuration.child(name);
        if (element.isEmpty()) {
            return new LinkedHashMap<>();
        }
        problems.onlyChildren(element.get(), Set.of("meta_attributes"));
        if (resource) {
            return ResourcesReader.meta(element.get(), problems);
        }
        var values = NameValues.read(element.get(), "meta_attributes", problems);
        values.keySet().stream().filter(k -> !k.equals("timeout"))
                .forEach(k -> problems.error(element.get(), "operation default " + k
                        + " is not supported (timeout only)"));
        return values;
    }

    /** Typed reads of cluster properties, each bad value reported on crm_config's line. */
    private record Properties(XmlElement at, Map<String, String> values, CibProblems problems) {
        static final Set<String> NAMES = Set.of("stonith-enabled", "no-quorum-policy",
                "symmetric-cluster", "cluster-recheck-interval", "start-failure-is-fatal",
                "stonith-action", "stonith-timeout");

        /** {@code poweroff} is Pacemaker's older word for {@code off}. */
        String stonithAction(String fallback) {
            String v = values.get("stonith-action");
            if (v == null) {
                return fallback;
            }
            String action = v.equals("poweroff") ? "off" : v;
            if (!ClusterProperties.STONITH_ACTIONS.contains(action)) {
                problems.error(at, "stonith-action must be reboot, off or poweroff, got " + v);
                return fallback;
            }
            return action;
        }

        long positiveInterval(String name, long fallback) {
            long ms = interval(name, fallback);
            if (ms <= 0) {
                problems.error(at, name + " must be above 0, got " + values.get(name));
                return fallback;
            }
            return ms;
        }

        boolean bool(String name, boolean fallback) {
            String v = values.get(name);
            if (v == null) {
                return fallback;
            }
            Optional<Boolean> b = ResourceMeta.boolValue(v);
            if (b.isEmpty()) {
                problems.error(at, name + " must be true or false, got " + v);
            }
            return b.orElse(fallback);
        }

        NoQuorumPolicy noQuorumPolicy(NoQuorumPolicy fallback) {
            String v = values.get("no-quorum-policy");
            if (v == null) {
                return fallback;
            }
            Optional<NoQuorumPolicy> policy = NoQuorumPolicy.parse(v);
            if (policy.isEmpty()) {
                problems.error(at, "no-quorum-policy " + v + " is not supported (stop, ignore"
                        + " or freeze; not " + NoQuorumPolicy.UNSUPPORTED + ")");
            }
            return policy.orElse(fallback);
        }

        long interval(String name, long fallback) {
            String v = values.get(name);
            if (v == null) {
                return fallback;
            }
            var ms = Interval.parseMs(v);
            if (ms.isEmpty()) {
                problems.error(at, name + " must be a duration (15min, 60s), got " + v);
            }
            return ms.orElse(fallback);
        }
    }
}
