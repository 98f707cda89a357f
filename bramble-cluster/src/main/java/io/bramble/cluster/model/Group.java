package io.bramble.cluster.model;

import io.bramble.common.check.Checks;
import java.util.List;
import java.util.SequencedMap;

/**
 * A group: primitives that run together on one node, started in order and stopped in reverse,
 * as if each member were colocated with and ordered after the one before it (INFINITY).
 *
 * @param id the group's id
 * @param members the members in start order
 * @param meta meta attributes of the group, which its members inherit unless they set their own
 */
public record Group(String id, List<Primitive> members, SequencedMap<String, String> meta)
        implements
            Resource {
    public Group {
        Checks.argument(id != null && !id.isBlank(), "a group needs an id");
        members = List.copyOf(members);
        meta = Attributes.copy(meta);
    }

    @Override
    public List<Primitive> primitives() {
        return members;
    }
}
