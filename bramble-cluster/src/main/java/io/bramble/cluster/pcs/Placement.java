package io.bramble.cluster.pcs;

import java.util.Optional;

/**
 * Where {@code --group G [--before R | --after R]} puts a resource: at the end of the
 * resources, or in group G (made when missing) at its end or next to its member R.
 *
 * @param group the group, if one was named
 * @param before the member to go before
 * @param after the member to go after
 */
record Placement(Optional<String> group, Optional<String> before, Optional<String> after) {
    static Placement of(Edit edit) {
        Placement p = new Placement(edit.options.value("--group"),
                edit.options.value("--before"), edit.options.value("--after"));
        if (p.before.isPresent() && p.after.isPresent()) {
            throw new PcsException("you cannot specify both --before and --after");
        }
        for (var side : java.util.List.of("--before", "--after")) {
            if (p.group.isEmpty() && edit.options.value(side).isPresent()) {
                throw new PcsException("you cannot use " + side + " without --group");
            }
        }
        return p;
    }

    /** Fails as pcs does when the group or the member named is not what it must be. */
    void check(Edit edit) {
        if (group.isEmpty()) {
            return;
        }
        var existing = edit.resource(group.get());
        if (existing.isPresent() && !existing.get().name().equals("group")) {
            throw PcsException.checked(java.util.List.of("'" + group.get()
                    + "' is not a group"));
        }
        Optional<String> next = before.or(() -> after);
        if (next.isPresent()) {
            if (edit.resource(next.get()).isEmpty()) {
                throw PcsException.checked(java.util.List.of("'" + next.get()
                        + "' does not exist"));
            }
            if (existing.isEmpty() || existing.get().children("primitive").stream()
                    .noneMatch(m -> m.get("id").equals(next.get()))) {
                throw PcsException.checked(java.util.List.of("There is no resource '"
                        + next.get() + "' in the group '" + group.get() + "'"));
            }
        }
    }

    void put(Edit edit, CibElement resource) {
        CibElement resources = edit.section("resources");
        if (group.isEmpty()) {
            resources.append(resource);
            return;
        }
        CibElement target = edit.resource(group.get()).orElseGet(() -> resources.append(
                new CibElement("group", "id", group.get())));
        Optional<String> next = before.or(() -> after);
        if (next.isEmpty()) {
            target.append(resource);
            return;
        }
        CibElement member = target.children("primitive").stream()
                .filter(m -> m.get("id").equals(next.get())).findFirst().orElseThrow();
        resource.detach();
        int at = target.indexOf(member) + (after.isPresent() ? 1 : 0);
        target.insert(at, resource);
    }
}
