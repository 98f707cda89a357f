package io.bramble.cluster.cib;

import io.bramble.cluster.model.AgentName;
import io.bramble.cluster.model.Group;
import io.bramble.cluster.model.Interval;
import io.bramble.cluster.model.Operation;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.model.ResourceMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads {@code <resources>}: primitives and groups of primitives. */
final class ResourcesReader {
    private static final Set<String> PRIMITIVE_ATTRIBUTES = Set.of("id", "class", "provider",
            "type", "description");
    private static final Set<String> PRIMITIVE_CHILDREN = Set.of("instance_attributes",
            "meta_attributes", "operations");
    private static final Set<String> OP_ATTRIBUTES = Set.of("id", "name", "interval", "timeout",
            "description");

    private ResourcesReader() {
    }

    static List<Resource> read(XmlElement resources, CibProblems problems) {
        problems.onlyAttributes(resources, Set.of());
        problems.onlyChildren(resources, Set.of("primitive", "group"));
        List<Resource> out = new ArrayList<>();
        for (XmlElement e : resources.children()) {
            switch (e.name()) {
                case "primitive" -> primitive(e, problems).ifPresent(out::add);
                case "group" -> group(e, problems).ifPresent(out::add);
                default -> {
                } // reported above
            }
        }
        return out;
    }

    private static Optional<Resource> group(XmlElement e, CibProblems problems) {
        problems.onlyAttributes(e, Set.of("id", "description"));
        problems.onlyChildren(e, Set.of("primitive", "meta_attributes"));
        var meta = meta(e, problems);
        List<Primitive> members = new ArrayList<>();
        for (XmlElement p : e.children("primitive")) {
            primitive(p, problems).ifPresent(members::add);
        }
        return problems.required(e, "id").map(id -> new Group(id, members, meta));
    }

    private static Optional<Primitive> primitive(XmlElement e, CibProblems problems) {
        problems.onlyAttributes(e, PRIMITIVE_ATTRIBUTES);
        problems.onlyChildren(e, PRIMITIVE_CHILDREN);
        var id = problems.required(e, "id");
        var agent = agent(e, problems);
        var instance = NameValues.read(e, "instance_attributes", problems);
        var meta = meta(e, problems);
        List<Operation> operations = new ArrayList<>();
        for (XmlElement ops : e.children("operations")) {
            problems.onlyAttributes(ops, Set.of());
            problems.onlyChildren(ops, Set.of("op"));
            ops.children("op").forEach(op -> operation(op, problems).ifPresent(operations::add));
        }
        if (id.isEmpty() || agent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Primitive(id.get(), agent.get(), instance, operations, meta));
    }

    private static Optional<AgentName> agent(XmlElement e, CibProblems problems) {
        var standard = problems.required(e, "class");
        var type = problems.required(e, "type");
        var provider = e.attribute("provider");
        if (standard.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        if (standard.get().equals("ocf") != provider.isPresent()) {
            problems.error(e, standard.get().equals("ocf")
                    ? "an ocf resource needs a provider (ocf:heartbeat:TYPE)"
                    : "only ocf resources have a provider");
            return Optional.empty();
        }
        return Optional.of(new AgentName(standard.get(), provider, type.get()));
    }

    static java.util.SequencedMap<String, String> meta(XmlElement e, CibProblems problems) {
        var meta = NameValues.read(e, "meta_attributes", problems);
        for (Map.Entry<String, String> pair : meta.entrySet()) {
            ResourceMeta.problem(pair.getKey(), pair.getValue())
                    .ifPresent(message -> problems.error(e, message));
        }
        return meta;
    }

    private static Optional<Operation> operation(XmlElement op, CibProblems problems) {
        problems.onlyAttributes(op, OP_ATTRIBUTES);
        problems.onlyChildren(op, Set.of());
        var id = problems.required(op, "id");
        var name = problems.required(op, "name");
        long intervalMs = duration(op, "interval", problems).orElse(0);
        OptionalLong timeoutMs = duration(op, "timeout", problems);
        if (id.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Operation(id.get(), name.get(), intervalMs, timeoutMs));
    }

    private static OptionalLong duration(XmlElement op, String attribute,
            CibProblems problems) {
        Optional<String> text = op.attribute(attribute);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong ms = Interval.parseMs(text.get());
        if (ms.isEmpty()) {
            problems.error(op, attribute + " must be a duration (10s, 1min, PT30S), got "
                    + text.get());
        }
        return ms;
    }
}
