package io.bramble.cluster.model;

import io.bramble.common.check.Checks;

/**
 * {@code pcs constraint location R prefers|avoids NODE[=SCORE]}: adds {@code score} to the
 * resource's preference for one node.
 *
 * @param id the constraint's id
 * @param resource the resource (a primitive or a group)
 * @param node the node's name
 * @param score how much the resource prefers (positive) or avoids (negative) the node
 */
public record LocationConstraint(String id, String resource, String node, int score)
        implements
            Constraint {
    public LocationConstraint {
        Checks.argument(id != null && resource != null && node != null,
                "a location constraint needs an id, a resource and a node");
    }
}
