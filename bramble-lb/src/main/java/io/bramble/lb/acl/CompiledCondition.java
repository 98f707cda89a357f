package io.bramble.lb.acl;

import java.util.List;

/** An {@code if|unless} condition ready to evaluate. Thread-safe. */
public final class CompiledCondition {
    /** The condition of a rule written without one. */
    public static final CompiledCondition ALWAYS = new CompiledCondition(false, List.of());

    private final boolean unless;
    private final List<List<Term>> alternatives;

    CompiledCondition(boolean unless, List<List<Term>> alternatives) {
        this.unless = unless;
        this.alternatives = alternatives;
    }

    /** True when the rule applies to the request. */
    public boolean test(RequestFacts request) {
        if (alternatives.isEmpty()) {
            return !unless;
        }
        boolean any = false;
        for (List<Term> branch : alternatives) {
            if (allHold(branch, request)) {
                any = true;
                break;
            }
        }
        return any != unless;
    }

    private static boolean allHold(List<Term> branch, RequestFacts request) {
        for (Term term : branch) {
            if (term.test(request) == term.negated()) {
                return false;
            }
        }
        return true;
    }

    /** One ACL (all its lines) possibly negated. */
    record Term(List<AclLine> lines, boolean negated) {
        boolean test(RequestFacts request) {
            for (AclLine line : lines) {
                if (line.test(request)) {
                    return true;
                }
            }
            return false;
        }
    }
}
