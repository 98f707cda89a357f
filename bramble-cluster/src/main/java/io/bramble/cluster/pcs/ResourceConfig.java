package io.bramble.cluster.pcs;

import java.util.List;

/**
 * {@code pcs resource config [ID…]}: each resource with its attributes, meta attributes and
 * operations, members indented under their group; fence devices are left to
 * {@code pcs stonith config}, which lists them the same way.
 */
final class ResourceConfig {
    /** pcs lists the primitives first, then the groups, clones and bundles. */
    static final List<String> LISTING_ORDER = List.of("primitive", "group", "clone", "master",
            "bundle");

    private ResourceConfig() {
    }

    static void show(Edit edit, List<String> words) {
        List<CibElement> shown;
        if (words.isEmpty()) {
            List<CibElement> all = edit.section("resources").children();
            shown = LISTING_ORDER.stream().flatMap(kind -> all.stream()
                    .filter(r -> r.name().equals(kind) && !isStonith(r))).toList();
        } else {
            shown = new java.util.ArrayList<>();
            for (String id : words) {
                edit.resource(id).ifPresentOrElse(shown::add,
                        () -> edit.warn("Unable to find resource '" + id + "'"));
            }
            if (shown.isEmpty()) {
                throw new PcsException("No resource found");
            }
        }
        shown.forEach(r -> resource(edit, r, ""));
    }

    /** {@code pcs stonith config}: the fence devices, as {@code resource config} lists. */
    static void stonith(Edit edit, List<String> words) {
        if (!words.isEmpty()) {
            throw new PcsException("'pcs stonith config ID' is not supported by bramble; run"
                    + " 'pcs stonith config'");
        }
        edit.section("resources").children("primitive").stream().filter(ResourceConfig::isStonith)
                .forEach(r -> resource(edit, r, ""));
    }

    private static boolean isStonith(CibElement resource) {
        return resource.get("class").equals("stonith");
    }

    private static void resource(Edit edit, CibElement r, String indent) {
        switch (r.name()) {
            case "primitive" -> {
                edit.out.add(indent + "Resource: " + r.get("id") + " (class=" + r.get("class")
                        + r.attribute("provider").map(p -> " provider=" + p).orElse("")
                        + " type=" + r.get("type") + ")");
                sets(edit, r, "instance_attributes", "Attributes", indent + "  ");
                sets(edit, r, "meta_attributes", "Meta Attributes", indent + "  ");
                r.child("operations").filter(o -> !o.children("op").isEmpty())
                        .ifPresent(o -> operations(edit, o, indent + "  "));
            }
            default -> {
                edit.out.add(indent + Character.toUpperCase(r.name().charAt(0))
                        + r.name().substring(1) + ": " + r.get("id"));
                sets(edit, r, "meta_attributes", "Meta Attributes", indent + "  ");
                r.children().stream().filter(c -> Resources.KINDS.contains(c.name()))
                        .forEach(c -> resource(edit, c, indent + "  "));
            }
        }
    }

    private static void sets(Edit edit, CibElement owner, String element, String heading,
            String indent) {
        for (CibElement set : owner.children(element)) {
            if (set.children("nvpair").isEmpty()) {
                continue;
            }
            edit.out.add(indent + heading + ": " + set.get("id"));
            pairs(edit, set, indent + "  ");
        }
    }

    /** A set's pairs, by name as pcs lists them. */
    private static void pairs(Edit edit, CibElement set, String indent) {
        set.children("nvpair").stream()
                .sorted(java.util.Comparator.comparing(p -> p.get("name")))
                .forEach(p -> edit.out.add(indent + p.get("name") + "=" + p.get("value")));
    }

    private static void operations(Edit edit, CibElement operations, String indent) {
        edit.out.add(indent + "Operations:");
        for (CibElement op : operations.children("op")) {
            edit.out.add(indent + "  " + op.get("name") + ": " + op.get("id"));
            op.attributes().forEach((name, value) -> {
                if (!name.equals("name") && !name.equals("id")) {
                    edit.out.add(indent + "    " + name + "=" + value);
                }
            });
            op.children("instance_attributes").forEach(s -> pairs(edit, s, indent + "    "));
        }
    }
}
