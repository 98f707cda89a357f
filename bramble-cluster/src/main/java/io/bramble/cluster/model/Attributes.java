package io.bramble.cluster.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/** Name/value attribute lists kept in the order they were written, unmodifiable. */
public final class Attributes {
    private Attributes() {
    }

    /** An unmodifiable copy of {@code attributes} in the same order. */
    public static SequencedMap<String, String> copy(Map<String, String> attributes) {
        return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(attributes));
    }

    /** No attributes. */
    public static SequencedMap<String, String> none() {
        return copy(Map.of());
    }
}
