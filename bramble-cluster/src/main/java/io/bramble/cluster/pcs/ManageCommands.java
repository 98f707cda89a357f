package io.bramble.cluster.pcs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code pcs resource unmanage|manage ID… [--monitor]}, as pcs 0.11 writes them.
 * <ul>
 * <li>unmanage sets {@code is-managed=false} in the first meta set of each primitive the
 *     resource stands for (a group's members, a clone's inner resource), never on a group,
 *     so that one member can be managed again alone; with {@code --monitor} their monitor
 *     operations are disabled ({@code enabled=false}).
 * <li>manage removes {@code is-managed} from the resource, the group or clone around it and
 *     the resources inside it, so that no unmanaged level is left; with {@code --monitor} the
 *     primitives' monitors are enabled again, and without it pcs's warning names each
 *     primitive whose monitors all stay disabled.
 * </ul>
 */
final class ManageCommands {
    private static final String IS_MANAGED = "is-managed";

    private ManageCommands() {
    }

    static void unmanage(Edit edit, List<String> words) {
        List<CibElement> resources = existing(edit, words);
        boolean monitor = edit.options.has("--monitor");
        for (CibElement resource : resources) {
            for (CibElement primitive : primitives(inner(resource))) {
                NameValueSets.put(edit, firstMetaSet(edit, primitive), IS_MANAGED, "false");
                if (monitor) {
                    monitors(primitive).forEach(op -> op.set("enabled", "false"));
                }
            }
        }
    }

    static void manage(Edit edit, List<String> words) {
        List<CibElement> resources = existing(edit, words);
        boolean monitor = edit.options.has("--monitor");
        Set<CibElement> managed = new LinkedHashSet<>();
        for (CibElement resource : resources) {
            managed.add(resource);
            resource.parent().filter(p -> !p.name().equals("resources")).ifPresent(managed::add);
            resource.children().stream().filter(c -> c.name().equals("primitive")
                    || c.name().equals("group")).forEach(c -> {
                        managed.add(c);
                        c.children("primitive").forEach(managed::add);
                    });
        }
        for (CibElement element : managed) {
            // pcs leaves an element without a meta set as it is: nothing to remove there.
            element.child("meta_attributes").ifPresent(set -> NameValueSets.put(edit, set,
                    IS_MANAGED, ""));
            if (monitor && element.name().equals("primitive")) {
                monitors(element).forEach(op -> op.unset("enabled"));
                edit.changed();
            }
        }
        resources.stream().sorted(Comparator.comparing(r -> r.get("id")))
                .flatMap(r -> primitives(r).stream())
                .filter(p -> !monitors(p).isEmpty() && monitors(p).stream()
                        .noneMatch(ManageCommands::enabled))
                .forEach(p -> edit.warn("Resource '" + p.get("id") + "' has no enabled"
                        + " monitor operations. Re-run with '--monitor' to enable them."));
    }

    private static List<CibElement> existing(Edit edit, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("You must specify resource(s) to manage or unmanage");
        }
        List<String> missing = words.stream().filter(w -> edit.resource(w).isEmpty())
                .map(w -> "bundle/clone/group/resource/tag '" + w + "' does not exist")
                .toList();
        if (!missing.isEmpty()) {
            throw PcsException.checked(missing);
        }
        return words.stream().map(w -> edit.resource(w).orElseThrow()).distinct().toList();
    }

    /** A clone's inner resource, else the resource itself. */
    private static CibElement inner(CibElement resource) {
        return Set.of("clone", "master").contains(resource.name())
                ? resource.children().stream().filter(c -> c.name().equals("group")
                        || c.name().equals("primitive")).findFirst().orElse(resource)
                : resource;
    }

    /** The primitive itself, or those inside the group or clone. */
    private static List<CibElement> primitives(CibElement resource) {
        if (resource.name().equals("primitive")) {
            return List.of(resource);
        }
        List<CibElement> found = new ArrayList<>();
        resource.descendants().stream().filter(d -> d != resource && d.name().equals(
                "primitive")).forEach(found::add);
        return found;
    }

    /** The first meta set, made first among the children when there is none. */
    private static CibElement firstMetaSet(Edit edit, CibElement owner) {
        return owner.child("meta_attributes").orElseGet(() -> owner.insert(0, new CibElement(
                "meta_attributes", "id", PcsIds.unique(edit.cib, owner.get("id")
                        + "-meta_attributes"))));
    }

    private static List<CibElement> monitors(CibElement primitive) {
        return primitive.child("operations").map(o -> o.children("op").stream()
                .filter(op -> op.get("name").equals("monitor")).toList()).orElse(List.of());
    }

    private static boolean enabled(CibElement op) {
        String value = op.attribute("enabled").orElse("true").toLowerCase(java.util.Locale.ROOT);
        return Set.of("true", "on", "yes", "y", "1").contains(value);
    }
}
