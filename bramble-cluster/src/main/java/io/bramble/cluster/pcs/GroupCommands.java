package io.bramble.cluster.pcs;

import java.util.List;
import java.util.Optional;

/**
 * {@code pcs resource group add G R… [--before X | --after X]} and
 * {@code pcs resource group remove G [R…]}: members move between groups, a group is made
 * when missing and deleted when left empty.
 */
final class GroupCommands {
    private GroupCommands() {
    }

    static void add(Edit edit, List<String> words) {
        if (words.size() < 2) {
            throw new PcsException("usage: pcs resource group add GROUP RESOURCE...");
        }
        String groupId = words.getFirst();
        List<String> members = words.subList(1, words.size());
        List<String> missing = members.stream().filter(m -> edit.resource(m).isEmpty())
                .map(m -> "'" + m + "' does not exist").toList();
        if (!missing.isEmpty()) {
            throw PcsException.checked(missing);
        }
        for (String m : members) {
            if (!edit.resource(m).orElseThrow().name().equals("primitive")) {
                throw PcsException.checked(List.of("'" + m + "' is not a primitive"));
            }
        }
        Placement placement = Placement.of(edit.withGroup(groupId));
        placement.check(edit.withGroup(groupId));
        List<CibElement> moved = members.stream().map(m -> edit.resource(m).orElseThrow())
                .toList();
        Optional<String> anchor = placement.before().or(placement::after);
        if (anchor.isPresent() && members.contains(anchor.get())) {
            throw PcsException.checked(List.of("Cannot put resource '" + anchor.get()
                    + "' next to itself"));
        }
        List<CibElement> ordered = placement.after().isPresent() ? moved.reversed() : moved;
        for (CibElement member : ordered) {
            Optional<CibElement> old = member.parent().filter(p -> p.name().equals("group"));
            placement.put(edit.withGroup(groupId), member);
            old.filter(g -> g.children("primitive").isEmpty()).ifPresent(CibElement::detach);
        }
        edit.changed();
    }

    /** Takes members (all when none are named) out to the end of the resources. */
    static void remove(Edit edit, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("usage: pcs resource group remove GROUP [RESOURCE...]");
        }
        CibElement group = edit.resource(words.getFirst())
                .filter(g -> g.name().equals("group"))
                .orElseThrow(() -> new PcsException("Group '" + words.getFirst()
                        + "' does not exist"));
        List<CibElement> members = words.size() == 1
                ? group.children("primitive")
                : words.subList(1, words.size()).stream().map(id -> group.children("primitive")
                        .stream().filter(m -> m.get("id").equals(id)).findFirst()
                        .orElseThrow(() -> new PcsException("Resource '" + id
                                + "' is not in the group '" + group.get("id") + "'")))
                        .toList();
        CibElement resources = edit.section("resources");
        members.forEach(resources::append);
        if (group.children("primitive").isEmpty()) {
            ConstraintReferences.naming(edit, group.get("id")).forEach(CibElement::detach);
            group.detach();
        }
        edit.changed();
    }
}
