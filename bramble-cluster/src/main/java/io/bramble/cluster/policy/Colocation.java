package io.bramble.cluster.policy;

/**
 * A colocation between two placeable resources, as the engine uses it: a configured one, or
 * one a group makes between each member and the member before it.
 *
 * @param dependent the resource placed relative to the other
 * @param primary the resource placed first
 * @param score how strongly they go together
 */
record Colocation(Placeable dependent, Placeable primary, int score) {
    /** The dependent's weight on the primary's choice, as Pacemaker scales it. */
    float factor() {
        return (float) score / io.bramble.cluster.model.Score.INFINITY;
    }
}
