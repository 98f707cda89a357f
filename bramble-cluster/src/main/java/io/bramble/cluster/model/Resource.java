package io.bramble.cluster.model;

import java.util.List;
import java.util.SequencedMap;

/** A configured resource: a primitive or a group of primitives. */
public sealed interface Resource permits Primitive, Group {
    /** The resource's id, unique among resources. */
    String id();

    /** Meta attributes as written on this resource (not the defaults or a group's). */
    SequencedMap<String, String> meta();

    /** The primitives this resource is made of, in order (itself for a primitive). */
    List<Primitive> primitives();
}
