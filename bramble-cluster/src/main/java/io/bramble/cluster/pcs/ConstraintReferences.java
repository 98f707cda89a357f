package io.bramble.cluster.pcs;

import java.util.ArrayList;
import java.util.List;

/**
 * The constraints that name a resource, as {@code pcs constraint ref} lists them and
 * {@code pcs resource delete} removes them: colocations, then locations, then orders, each in
 * the CIB's order.
 */
final class ConstraintReferences {
    static final List<String> KINDS = List.of("rsc_colocation", "rsc_location", "rsc_order");
    /** The attributes through which a constraint names a resource. */
    static final List<String> RESOURCE_ATTRIBUTES = List.of("rsc", "with-rsc", "first", "then");

    private ConstraintReferences() {
    }

    static List<CibElement> naming(Edit edit, String resource) {
        List<CibElement> found = new ArrayList<>();
        List<CibElement> constraints = edit.section("constraints").children();
        for (String kind : KINDS) {
            constraints.stream().filter(c -> c.name().equals(kind))
                    .filter(c -> RESOURCE_ATTRIBUTES.stream()
                            .anyMatch(a -> c.get(a).equals(resource)))
                    .forEach(found::add);
        }
        return found;
    }

    /** {@code pcs constraint ref RESOURCE…}: each resource and the ids naming it. */
    static void ref(Edit edit, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("usage: pcs constraint ref RESOURCE...");
        }
        for (String resource : words) {
            edit.out.add("Resource: " + resource);
            naming(edit, resource).forEach(c -> edit.out.add("  " + c.get("id")));
        }
    }
}
