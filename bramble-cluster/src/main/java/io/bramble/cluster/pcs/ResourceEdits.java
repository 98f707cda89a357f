package io.bramble.cluster.pcs;

import java.util.List;

/**
 * {@code pcs resource delete|enable|disable|meta}: edits of resources that already exist.
 */
final class ResourceEdits {
    private ResourceEdits() {
    }

    /**
     * Deletes a resource and every constraint naming it; a group left empty goes too, as
     * pcs says on stderr.
     */
    static void delete(Edit edit, List<String> words) {
        if (words.size() != 1) {
            throw new PcsException("usage: pcs resource delete ID");
        }
        CibElement resource = edit.resource(words.getFirst())
                .orElseThrow(() -> new PcsException("Resource '" + words.getFirst()
                        + "' does not exist."));
        CibElement parent = resource.parent().orElseThrow();
        boolean emptiesGroup = parent.name().equals("group")
                && parent.children("primitive").size() == 1;
        for (String id : emptiesGroup
                ? List.of(resource.get("id"), parent.get("id"))
                : List.of(resource.get("id"))) {
            for (CibElement c : ConstraintReferences.naming(edit, id)) {
                edit.err.add("Removing Constraint - " + c.get("id"));
                c.detach();
            }
        }
        edit.err.add((emptiesGroup ? "Deleting Resource (and group) - " : "Deleting Resource - ")
                + resource.get("id"));
        (emptiesGroup ? parent : resource).detach();
        edit.changed();
    }

    /** Sets target-role=Stopped in the resource's first meta set, made first when missing. */
    static void disable(Edit edit, List<String> words) {
        for (CibElement resource : existing(edit, words)) {
            CibElement set = resource.child("meta_attributes").orElseGet(() -> resource.insert(
                    0, new CibElement("meta_attributes", "id",
                            PcsIds.unique(edit.cib, resource.get("id") + "-meta_attributes"))));
            NameValueSets.put(edit, set, "target-role", "Stopped");
        }
    }

    /** Removes target-role from the resource's meta sets. */
    static void enable(Edit edit, List<String> words) {
        for (CibElement resource : existing(edit, words)) {
            for (CibElement set : resource.children("meta_attributes")) {
                NameValueSets.put(edit, set, "target-role", "");
            }
        }
    }

    /** {@code pcs resource meta ID NAME=VALUE…}: an empty value removes the attribute. */
    static void meta(Edit edit, List<String> words) {
        if (words.size() < 2) {
            throw new PcsException("usage: pcs resource meta ID NAME=VALUE...");
        }
        CibElement resource = edit.resource(words.getFirst())
                .orElseThrow(() -> Resources.missing(words.getFirst()));
        var values = NameValueSets.pairs(words.subList(1, words.size()));
        if (resource.child("meta_attributes").isEmpty()
                && values.values().stream().allMatch(String::isEmpty)) {
            return;
        }
        NameValueSets.update(edit, NameValueSets.setOf(edit, resource, "meta_attributes",
                resource.get("id") + "-meta_attributes"), values);
    }

    private static List<CibElement> existing(Edit edit, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("You must specify resource(s) to enable or disable");
        }
        List<String> missing = words.stream().filter(w -> edit.resource(w).isEmpty())
                .map(w -> "bundle/clone/group/resource/tag '" + w + "' does not exist")
                .toList();
        if (!missing.isEmpty()) {
            throw PcsException.checked(missing);
        }
        return words.stream().map(w -> edit.resource(w).orElseThrow()).toList();
    }
}
