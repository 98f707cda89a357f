package io.bramble.cluster.pcs;

import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.Score;
import java.util.List;
import java.util.Optional;

/**
 * The location constraints that {@code pcs resource move}, {@code ban} and {@code clear} make
 * and remove, named as crm_resource names them: {@code cli-prefer-R} (INFINITY on the target
 * node) and {@code cli-ban-R-on-NODE} (-INFINITY). {@code pcs status} warns about any left.
 */
public final class MoveConstraints {
    public static final String PREFER = "cli-prefer-";
    public static final String BAN = "cli-ban-";

    private MoveConstraints() {
    }

    /** {@code pcs resource ban RESOURCE NODE}: keeps the resource off the node. */
    static void ban(Edit edit, List<String> words) {
        if (words.size() != 2 || words.stream().anyMatch(w -> w.contains("="))) {
            throw new PcsException("usage: pcs resource ban RESOURCE NODE (bramble needs the"
                    + " node; 'lifetime=' is not supported by bramble)");
        }
        String resource = words.get(0);
        String node = words.get(1);
        if (edit.resource(resource).isEmpty()) {
            throw Resources.missing(resource);
        }
        String id = BAN + resource + "-on-" + node;
        edit.err.add("Warning: Creating location constraint '" + id + "' with a score of"
                + " -INFINITY for resource " + resource + " on " + node + ".");
        edit.err.add("\tThis will prevent " + resource + " from running on " + node + " until"
                + " the constraint is removed");
        edit.err.add("\tThis will be the case even if " + node + " is the last node in the"
                + " cluster");
        add(edit.cib, new LocationConstraint(id, resource, node, -Score.INFINITY));
        edit.changed();
    }

    /** {@code pcs resource clear RESOURCE [NODE]}: removes what move and ban left. */
    static void clear(Edit edit, List<String> words) {
        if (words.isEmpty() || words.size() > 2) {
            throw new PcsException("usage: pcs resource clear RESOURCE [NODE]");
        }
        String resource = words.get(0);
        Optional<String> node = words.size() > 1 ? Optional.of(words.get(1)) : Optional.empty();
        if (edit.resource(resource).isEmpty()) {
            throw Resources.missing(resource);
        }
        for (CibElement c : edit.section("constraints").children("rsc_location")) {
            String id = c.attribute("id").orElse("");
            boolean ours = id.equals(PREFER + resource) || id.startsWith(BAN + resource
                    + "-on-");
            if (ours && c.attribute("rsc").equals(Optional.of(resource)) && node.map(n -> c
                    .attribute("node").equals(Optional.of(n))).orElse(true)) {
                edit.out.add("Removing constraint: " + id);
                c.detach();
                edit.changed();
            }
        }
    }

    /** {@code cib} with {@code constraint} in place of any constraint of the same id. */
    public static CibElement with(CibElement cib, LocationConstraint constraint) {
        CibElement copy = without(cib, constraint.id());
        add(copy, constraint);
        return copy;
    }

    /** {@code cib} without the constraint {@code id}. */
    public static CibElement without(CibElement cib, String id) {
        CibElement copy = cib.copy();
        copy.childOrAppend("configuration").childOrAppend("constraints").children(
                "rsc_location").stream().filter(c -> c.attribute("id").equals(Optional.of(id)))
                .toList().forEach(CibElement::detach);
        return copy;
    }

    private static void add(CibElement cib, LocationConstraint constraint) {
        cib.childOrAppend("configuration").childOrAppend("constraints").append(new CibElement(
                "rsc_location", "id", constraint.id(), "rsc", constraint.resource(), "node",
                constraint.node(), "score", Score.format(constraint.score())));
    }
}
