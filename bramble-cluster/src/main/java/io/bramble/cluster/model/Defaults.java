package io.bramble.cluster.model;

import java.util.SequencedMap;

/**
 * Resource and operation defaults ({@code pcs resource defaults}, {@code pcs resource op
 * defaults}): meta attributes every resource and operation has unless it sets its own.
 *
 * @param resource {@code rsc_defaults}
 * @param operation {@code op_defaults}
 */
public record Defaults(SequencedMap<String, String> resource,
        SequencedMap<String, String> operation) {
    public static final Defaults NONE = new Defaults(Attributes.none(), Attributes.none());

    public Defaults {
        resource = Attributes.copy(resource);
        operation = Attributes.copy(operation);
    }
}
