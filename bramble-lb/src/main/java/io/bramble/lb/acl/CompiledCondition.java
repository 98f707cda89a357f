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

    /**
     * Whether a rule applies, or cannot tell yet: a fetch of the client's bytes found too few
     * of them ({@link ClientBytes#missed()}), so that the answer may change.
     */
    public enum Verdict {
        APPLIES, SKIPPED, UNDECIDED
    }

    /** An ACL's or a branch's result, as HAProxy computes it: matched, not, or not yet. */
    private enum Result {
        PASS, FAIL, MISS
    }

    /** True when the rule applies to the request. */
    public boolean test(RequestFacts request) {
        return decide(request) == Verdict.APPLIES;
    }

    /**
     * The rule's verdict, with HAProxy's three-valued logic: a branch (terms ANDed) fails at
     * its first failing term and is undecided if a term is; the alternatives (ORed) pass at
     * the first passing branch and are undecided if one is. Negation and {@code unless} leave
     * an undecided result undecided.
     */
    public Verdict decide(RequestFacts request) {
        if (alternatives.isEmpty()) {
            return unless ? Verdict.SKIPPED : Verdict.APPLIES;
        }
        Result any = Result.FAIL;
        for (List<Term> branch : alternatives) {
            Result result = branch(branch, request);
            if (result == Result.PASS) {
                any = Result.PASS;
                break;
            }
            if (result == Result.MISS) {
                any = Result.MISS;
            }
        }
        if (any == Result.MISS) {
            return Verdict.UNDECIDED;
        }
        return (any == Result.PASS) != unless ? Verdict.APPLIES : Verdict.SKIPPED;
    }

    private static Result branch(List<Term> branch, RequestFacts request) {
        Result all = Result.PASS;
        for (Term term : branch) {
            Result result = term.evaluate(request);
            if (term.negated() && result != Result.MISS) {
                result = result == Result.PASS ? Result.FAIL : Result.PASS;
            }
            if (result == Result.FAIL) {
                return Result.FAIL;
            }
            if (result == Result.MISS) {
                all = Result.MISS;
            }
        }
        return all;
    }

    /** One ACL (all its lines) possibly negated. */
    record Term(List<AclLine> lines, boolean negated) {
        /** Any line matching passes; none matching is a miss if one lacked bytes. */
        Result evaluate(RequestFacts request) {
            ClientBytes bytes = request.clientBytes();
            boolean missed = false;
            for (AclLine line : lines) {
                if (bytes != null) {
                    bytes.clearMissed();
                }
                if (line.test(request)) {
                    return Result.PASS;
                }
                missed |= bytes != null && bytes.missed();
            }
            return missed ? Result.MISS : Result.FAIL;
        }
    }
}
