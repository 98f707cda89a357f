package io.bramble.cluster.model;

import io.bramble.common.check.Checks;

/**
 * {@code pcs constraint order FIRST then THEN [kind=K] [symmetrical=B]}: starts of
 * {@code then} wait for starts of {@code first}; when symmetrical, stops go the other way.
 *
 * @param id the constraint's id
 * @param first the resource acted on first
 * @param then the resource acted on after it
 * @param kind how strictly the order binds
 * @param symmetrical whether stops are ordered in reverse too
 */
public record OrderConstraint(String id, String first, String then, OrderKind kind,
        boolean symmetrical) implements Constraint {
    public OrderConstraint {
        Checks.argument(id != null && first != null && then != null && kind != null,
                "an order constraint needs an id, two resources and a kind");
    }
}
