package io.bramble.cluster.policy;

import java.util.Optional;

/** What the assignment works on: a primitive or a group of them. */
sealed interface Placeable permits PrimitiveUnit, GroupUnit {
    String id();

    /** The priority meta attribute: higher is placed first. */
    int priority();

    /** Whether no placement has been decided yet. */
    boolean provisional();

    /**
     * The node a colocation with this resource follows: for a group, its last member when the
     * colocation is mandatory (the whole group must be up), else its first.
     */
    Optional<String> nodeFor(int colocationScore);

    /** The primitive whose scores stand for this resource when others weigh its wishes. */
    PrimitiveUnit representative();
}
