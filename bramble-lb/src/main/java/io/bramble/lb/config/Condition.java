package io.bramble.lb.config;

import java.util.List;

/**
 * {@code if|unless TERM...} as HAProxy reads it: terms side by side are ANDed, {@code ||} (or
 * {@code or}) separates alternatives; {@code unless} negates the whole.
 *
 * @param unless written with {@code unless}
 * @param alternatives at least one; each a non-empty list of terms that must all hold
 * @param location where it was written
 */
public record Condition(boolean unless, List<List<AclTerm>> alternatives,
        ConfigLocation location) {
    public Condition {
        alternatives = alternatives.stream().map(List::copyOf).toList();
        if (alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a condition needs at least one ACL per branch");
        }
    }

    /** {@code if NAME}. */
    public static Condition ifAcl(String name) {
        return new Condition(false, List.of(List.of(new AclTerm(name, false))),
                ConfigLocation.NONE);
    }
}
