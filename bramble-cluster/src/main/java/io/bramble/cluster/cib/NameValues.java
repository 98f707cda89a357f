package io.bramble.cluster.cib;

import java.util.LinkedHashMap;
import java.util.Set;
import java.util.SequencedMap;

/**
 * Reads the name/value sets of a CIB ({@code meta_attributes}, {@code instance_attributes},
 * {@code cluster_property_set}): each holds {@code nvpair}s; rules and scores on a set are not
 * supported.
 */
final class NameValues {
    private static final Set<String> SET_ATTRIBUTES = Set.of("id");
    private static final Set<String> PAIR_ATTRIBUTES = Set.of("id", "name", "value");

    private NameValues() {
    }

    /** The pairs of every set named {@code setName} under {@code parent}, in order. */
    static SequencedMap<String, String> read(XmlElement parent, String setName,
            CibProblems problems) {
        SequencedMap<String, String> values = new LinkedHashMap<>();
        for (XmlElement set : parent.children(setName)) {
            problems.onlyAttributes(set, SET_ATTRIBUTES);
            problems.onlyChildren(set, Set.of("nvpair"));
            for (XmlElement pair : set.children("nvpair")) {
                problems.onlyAttributes(pair, PAIR_ATTRIBUTES);
                var name = problems.required(pair, "name");
                var value = problems.required(pair, "value");
                if (name.isPresent() && value.isPresent()) {
                    values.put(name.get(), value.get());
                }
            }
        }
        return values;
    }
}
