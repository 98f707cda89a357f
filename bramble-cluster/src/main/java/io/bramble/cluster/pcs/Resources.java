package io.bramble.cluster.pcs;

import java.util.Set;

/** What pcs calls resources in the CIB's {@code resources} section. */
final class Resources {
    /** The elements that are resources; a primitive may sit in a group or a clone. */
    static final Set<String> KINDS = Set.of("primitive", "group", "clone", "master", "bundle");

    private Resources() {
    }

    /** pcs's error for an id that names no resource. */
    static PcsException missing(String id) {
        return new PcsException("Resource '" + id + "' does not exist");
    }
}
