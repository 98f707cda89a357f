package io.bramble.cluster.model;

import io.bramble.common.check.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A whole cluster as the scheduler sees it: configuration and current status.
 *
 * @param properties the cluster options
 * @param nodes the nodes, in the order configured
 * @param resources the top-level resources (primitives and groups), in the order configured
 * @param constraints the constraints, in the order configured
 * @param defaults resource and operation defaults
 * @param status what runs where and what failed
 */
public record Cluster(ClusterProperties properties, List<Node> nodes, List<Resource> resources,
        List<Constraint> constraints, Defaults defaults, ClusterStatus status) {
    public Cluster {
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
        constraints = List.copyOf(constraints);
        Checks.argument(properties != null && defaults != null && status != null,
                "a cluster needs properties, defaults and status");
        Set<String> ids = new HashSet<>();
        for (Resource r : resources) {
            Checks.argument(ids.add(r.id()), "resource id used twice: " + r.id());
            if (r instanceof Group g) {
                g.members().forEach(m -> Checks.argument(ids.add(m.id()),
                        "resource id used twice: " + m.id()));
            }
        }
        Set<String> names = new HashSet<>();
        nodes.forEach(n -> Checks.argument(names.add(n.name()), "node named twice: " + n.name()));
    }

    /** Every primitive, in configuration order (group members in their group's place). */
    public List<Primitive> primitives() {
        return resources.stream().flatMap(r -> r.primitives().stream()).toList();
    }

    /** The fence devices: the primitives of the {@code stonith} standard, in order. */
    public List<Primitive> fenceDevices() {
        return primitives().stream().filter(p -> p.agent().standard().equals("stonith"))
                .toList();
    }

    /**
     * Whether lost nodes are fenced: {@code stonith-enabled} and a fence device configured.
     * With {@code stonith-enabled} and no device, Pacemaker starts no resource (each is left
     * unmanaged), and so does bramble.
     */
    public boolean fences() {
        return properties.stonithEnabled() && !fenceDevices().isEmpty();
    }

    /** The node named {@code name}. */
    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The top-level resource or group member with this id. */
    public Optional<Resource> resource(String id) {
        return resources.stream()
                .flatMap(r -> r instanceof Group g
                        ? Stream.concat(Stream.of(r), g.members().stream())
                        : Stream.of(r))
                .filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The meta attributes that hold for {@code primitive}: its own, over its group's, over the
     * resource defaults; empty for an id that is no primitive.
     */
    public Optional<ResourceMeta> metaOf(String primitive) {
        return primitives().stream().filter(p -> p.id().equals(primitive)).findFirst().map(
                p -> {
                    List<Map<String, String>> layers = new ArrayList<>();
                    layers.add(p.meta());
                    groupOf(primitive).map(Group::meta).ifPresent(layers::add);
                    layers.add(defaults.resource());
                    return ResourceMeta.resolve(layers);
                });
    }

    /** Whether the cluster manages {@code primitive}: its effective {@code is-managed}. */
    public boolean managed(String primitive) {
        return metaOf(primitive).map(ResourceMeta::managed).orElse(true);
    }

    /** The group {@code primitive} belongs to, if any. */
    public Optional<Group> groupOf(String primitive) {
        return resources.stream().filter(r -> r instanceof Group).map(r -> (Group) r)
                .filter(g -> g.members().stream().anyMatch(m -> m.id().equals(primitive)))
                .findFirst();
    }
}
