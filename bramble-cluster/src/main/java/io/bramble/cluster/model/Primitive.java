package io.bramble.cluster.model;

import io.bramble.common.check.Checks;
import java.util.List;
import java.util.SequencedMap;

/**
 * A primitive resource: one agent with its parameters.
 *
 * @param id the resource's id
 * @param agent which agent runs it
 * @param instanceAttributes the agent's parameters, in the order written
 * @param operations the configured operations
 * @param meta the meta attributes written on the primitive itself
 */
public record Primitive(String id, AgentName agent,
        SequencedMap<String, String> instanceAttributes, List<Operation> operations,
        SequencedMap<String, String> meta) implements Resource {
    public Primitive {
        Checks.argument(id != null && !id.isBlank(), "a resource needs an id");
        Checks.argument(agent != null, "a resource needs an agent");
        instanceAttributes = Attributes.copy(instanceAttributes);
        operations = List.copyOf(operations);
        meta = Attributes.copy(meta);
    }

    @Override
    public List<Primitive> primitives() {
        return List.of(this);
    }

    /** The recurring operations (monitors), in the order written. */
    public List<Operation> recurringOperations() {
        return operations.stream().filter(Operation::recurring).toList();
    }
}
