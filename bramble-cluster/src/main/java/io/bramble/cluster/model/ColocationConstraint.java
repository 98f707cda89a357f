package io.bramble.cluster.model;

import io.bramble.common.check.Checks;

/**
 * {@code pcs constraint colocation add DEPENDENT with PRIMARY SCORE}: the dependent is placed
 * after the primary, on its node when the score is INFINITY, never there at -INFINITY, and
 * with {@code score} added to the primary's node otherwise; the dependent's own preferences
 * weigh on where the primary goes too, in proportion to the score.
 *
 * @param id the constraint's id
 * @param dependent the resource placed relative to the other ({@code rsc})
 * @param primary the resource placed first ({@code with-rsc})
 * @param score how strongly they go together (negative: apart)
 */
public record ColocationConstraint(String id, String dependent, String primary, int score)
        implements
            Constraint {
    public ColocationConstraint {
        Checks.argument(id != null && dependent != null && primary != null,
                "a colocation constraint needs an id and two resources");
    }
}
