package io.bramble.cluster.pcs;

import io.bramble.cluster.agent.AgentException;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.AttributeCheck;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code pcs resource update ID [NAME=VALUE…] [op ACTION NAME=VALUE……] [meta NAME=VALUE…]}:
 * attributes set in place or appended (an empty value removes one) and checked again against
 * the agent; each action named replaces that action's operations where the first of them
 * stood.
 */
final class ResourceUpdate {
    private ResourceUpdate() {
    }

    static void update(Edit edit, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("usage: pcs resource update ID [NAME=VALUE...] "
                    + "[op ACTION NAME=VALUE...] [meta NAME=VALUE...]");
        }
        String id = words.getFirst();
        CibElement primitive = edit.primitive(id);
        ResourceWords given = ResourceWords.parse(words.subList(1, words.size()));
        if (!given.instance().isEmpty()) {
            check(edit, primitive, given);
            NameValueSets.update(edit, NameValueSets.setOf(edit, primitive,
                    "instance_attributes", id + "-instance_attributes"), given.instance());
        }
        for (var op : given.operations()) {
            CibElement operations = primitive.childOrAppend("operations");
            List<CibElement> old = operations.children("op").stream()
                    .filter(o -> o.get("name").equals(op.action())).toList();
            int at = old.isEmpty()
                    ? operations.children().size()
                    : operations.indexOf(old.getFirst());
            old.forEach(CibElement::detach);
            CibElement made = OperationElements.of(edit, id, op.action(), op.options());
            CibElement ordered = new CibElement("op", "id", made.get("id"));
            made.attributes().forEach(ordered::set);
            made.children().forEach(ordered::append);
            operations.insert(at, ordered);
            edit.changed();
        }
        if (!given.meta().isEmpty()) {
            NameValueSets.update(edit, NameValueSets.setOf(edit, primitive, "meta_attributes",
                    id + "-meta_attributes"), given.meta());
        }
    }

    /** The attributes as they will be, checked as pcs checks them; --force makes warnings. */
    private static void check(Edit edit, CibElement primitive, ResourceWords given) {
        var merged = new LinkedHashMap<String, String>();
        primitive.children("instance_attributes").forEach(s -> s.children("nvpair")
                .forEach(p -> merged.put(p.get("name"), p.get("value"))));
        merged.putAll(given.instance());
        AgentName agent = new AgentName(primitive.get("class"),
                primitive.attribute("provider"), primitive.get("type"));
        AgentMetadata metadata;
        try {
            metadata = edit.agents.metadata(agent);
        } catch (AgentException e) {
            throw new PcsException(e.getMessage() + ", use --force to override");
        }
        AttributeCheck check = AttributeCheck.of(metadata, merged, edit.force());
        check.warnings().forEach(edit::warn);
        if (!check.ok()) {
            throw new PcsException(check.errors());
        }
    }
}
