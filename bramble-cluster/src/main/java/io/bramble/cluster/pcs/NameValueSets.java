package io.bramble.cluster.pcs;

import java.util.Map;

/**
 * pcs's edits of name/value sets ({@code meta_attributes}, {@code instance_attributes},
 * {@code cluster_property_set}): set ids {@code OWNER-meta_attributes}, pair ids
 * {@code SET-NAME}; an empty value removes the pair.
 */
final class NameValueSets {
    private NameValueSets() {
    }

    /** The first set named {@code element} under {@code owner}, appended when missing. */
    static CibElement setOf(Edit edit, CibElement owner, String element, String setId) {
        return owner.child(element).orElseGet(() -> owner.append(
                new CibElement(element, "id", PcsIds.unique(edit.cib, setId))));
    }

    /** Sets (or with an empty value removes) each pair of {@code values} in {@code set}. */
    static void update(Edit edit, CibElement set, Map<String, String> values) {
        values.forEach((name, value) -> put(edit, set, name, value));
    }

    static void put(Edit edit, CibElement set, String name, String value) {
        var existing = pair(set, name);
        if (value.isEmpty()) {
            existing.ifPresent(CibElement::detach);
        } else if (existing.isPresent()) {
            existing.get().set("value", value);
        } else {
            set.append(new CibElement("nvpair",
                    "id", PcsIds.unique(edit.cib, set.get("id") + "-" + name),
                    "name", name, "value", value));
        }
        edit.changed();
    }

    static java.util.Optional<CibElement> pair(CibElement set, String name) {
        return set.children("nvpair").stream().filter(p -> p.get("name").equals(name))
                .findFirst();
    }

    /** {@code NAME=VALUE} words as pairs, in order; a word without '=' is pcs's error. */
    static java.util.SequencedMap<String, String> pairs(java.util.List<String> words) {
        var pairs = new java.util.LinkedHashMap<String, String>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new PcsException("missing value of '" + word + "' option");
            }
            pairs.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return pairs;
    }
}
