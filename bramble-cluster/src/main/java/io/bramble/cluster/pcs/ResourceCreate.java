package io.bramble.cluster.pcs;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentException;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.AttributeCheck;
import io.bramble.cluster.agent.DefaultOperation;
import io.bramble.cluster.agent.DefaultOperations;
import io.bramble.cluster.agent.IntervalText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code pcs resource create ID AGENT [NAME=VALUE…] [op …] [meta …] [--group G [--before R |
 * --after R]] [--disabled]} and {@code pcs stonith create ID FENCE_AGENT …}: the agent
 * resolved from a short name as pcs does, the attributes checked against its meta-data, the
 * operations the user wrote and the ones pcs copies from the meta-data, sorted by action.
 */
final class ResourceCreate {
    private ResourceCreate() {
    }

    static void resource(Edit edit, List<String> words) {
        create(edit, words, false);
    }

    static void stonith(Edit edit, List<String> words) {
        create(edit, words, true);
    }

    private static void create(Edit edit, List<String> words, boolean stonith) {
        if (words.size() < 2) {
            throw new PcsException("usage: pcs " + (stonith ? "stonith" : "resource")
                    + " create ID AGENT [NAME=VALUE...] [op ACTION NAME=VALUE...] "
                    + "[meta NAME=VALUE...]");
        }
        String id = words.get(0);
        Placement placement = Placement.of(edit);
        if (edit.cib.byId(id).isPresent()) {
            throw new PcsException("'" + id + "' already exists");
        }
        ResourceWords given = ResourceWords.parse(words.subList(2, words.size()));
        sameOperationTwice(given.operations());
        AgentName agent = agent(edit, words.get(1), stonith);
        AgentMetadata metadata;
        try {
            metadata = edit.agents.metadata(agent);
            AttributeCheck check = AttributeCheck.of(metadata, given.instance(), edit.force());
            check.warnings().forEach(edit::warn);
            if (!check.ok()) {
                throw PcsException.checked(check.errors());
            }
        } catch (AgentException e) {
            if (!edit.force()) {
                throw PcsException.checked(List.of(e.getMessage() + ", use --force to "
                        + "override"));
            }
            // As pcs: the resource is made as written, with no attribute checked and only
            // the monitor every resource gets.
            edit.warn(e.getMessage());
            metadata = new AgentMetadata(agent, "", "", "", List.of(), List.of());
        }
        placement.check(edit);
        CibElement primitive = primitive(id, metadata.name());
        nameValues(edit, primitive, "instance_attributes", given.instance());
        Map<String, String> meta = new TreeMap<>(given.meta());
        if (edit.options.has("--disabled")) {
            meta.put("target-role", "Stopped");
        }
        nameValues(edit, primitive, "meta_attributes", meta);
        operations(edit, primitive, metadata, given.operations());
        placement.put(edit, primitive);
        edit.changed();
    }

    /** pcs refuses one action given twice with the same interval. */
    private static void sameOperationTwice(List<ResourceWords.OperationWords> operations) {
        Map<String, List<String>> intervals = new java.util.LinkedHashMap<>();
        for (var op : operations) {
            intervals.computeIfAbsent(op.action(), a -> new ArrayList<>()).add(op.options()
                    .getOrDefault("interval", DefaultOperations.defaultInterval(op.action())));
        }
        List<String> twice = new ArrayList<>();
        intervals.forEach((action, given) -> {
            List<Long> seconds = given.stream().map(i -> IntervalText.seconds(i).orElse(-1L))
                    .toList();
            if (seconds.stream().distinct().count() < seconds.size()) {
                twice.add(action + " with intervals " + String.join(", ", given));
            }
        });
        if (!twice.isEmpty()) {
            throw PcsException.checked(List.of("multiple specification of the same operation "
                    + "with the same interval:\n" + String.join("\n", twice)));
        }
    }

    /** The agent {@code typed} names, in full; pcs's note when it was a short name. */
    private static AgentName agent(Edit edit, String typed, boolean stonith) {
        AgentCatalog catalog = edit.agents.catalog();
        try {
            if (stonith) {
                return catalog.stonith(typed);
            }
            AgentCatalog.Resolved resolved = catalog.resolve(typed);
            resolved.note().ifPresent(edit.err::add);
            return resolved.name();
        } catch (AgentException e) {
            throw PcsException.checked(List.of(e.getMessage()));
        }
    }

    private static CibElement primitive(String id, AgentName agent) {
        CibElement primitive = new CibElement("primitive", "id", id, "class", agent.standard(),
                "type", agent.type());
        agent.provider().ifPresent(p -> primitive.set("provider", p));
        return primitive;
    }

    /** A set of pairs, sorted by name as pcs writes them; none when empty. */
    private static void nameValues(Edit edit, CibElement owner, String element,
            Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        String setId = PcsIds.unique(edit.cib, owner.get("id") + "-" + element);
        CibElement set = owner.append(new CibElement(element, "id", setId));
        new TreeMap<>(values).forEach((name, value) -> set.append(new CibElement("nvpair",
                "id", setId + "-" + name, "name", name, "value", value)));
    }

    private static void operations(Edit edit, CibElement primitive, AgentMetadata metadata,
            List<ResourceWords.OperationWords> given) {
        // The new primitive is not in the CIB yet: its operations wait in a holder inside the
        // CIB, so that PcsIds sees the ids given so far, and leave it before it is returned.
        CibElement operations = primitive.append(new CibElement("operations"));
        List<CibElement> all = new ArrayList<>();
        String id = primitive.get("id");
        CibElement holder = edit.section("operations-being-made");
        for (var op : given) {
            all.add(holder.append(OperationElements.of(edit, id, op.action(), op.options())));
        }
        Set<String> named = given.stream().map(ResourceWords.OperationWords::action)
                .collect(Collectors.toSet());
        List<DefaultOperation> defaults = edit.options.has("--no-default-ops")
                ? DefaultOperations.forCreate(metadata, named).stream()
                        .filter(o -> o.name().equals("monitor")).toList()
                : DefaultOperations.forCreate(metadata, named);
        List<DefaultOperation> asListed = DefaultOperations.of(metadata).stream()
                .filter(o -> !named.contains(o.name())).toList();
        for (int i = 0; i < defaults.size(); i++) {
            DefaultOperation op = defaults.get(i);
            if (defaults.size() == asListed.size()
                    && !asListed.get(i).interval().equals(op.interval())) {
                edit.warn("changing a " + op.name() + " operation interval from "
                        + asListed.get(i).interval() + " to " + op.interval()
                        + " to make the operation unique");
            }
            all.add(holder.append(OperationElements.of(edit, id, op)));
        }
        holder.detach();
        all.sort(Comparator.comparing(op -> op.get("name")));
        all.forEach(operations::append);
    }
}
