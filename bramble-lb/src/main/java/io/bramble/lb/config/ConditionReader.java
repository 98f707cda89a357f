package io.bramble.lb.config;

import io.bramble.common.config.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code if|unless TERM...} at the end of a rule: terms side by side are ANDed,
 * {@code ||} or {@code or} separates alternatives, {@code !NAME} or {@code ! NAME} (a blank
 * after the mark, as HAProxy also reads it) negates one ACL or {@code { ... }}. Every ACL
 * named must be declared above in the same section, or be predefined.
 */
final class ConditionReader {
    /** Terms in one condition; HAProxy has no limit, this keeps evaluation bounded. */
    static final int TERMS_MAX = 64;

    private ConditionReader() {
    }

    /** An optional condition: empty when no words are left. */
    static Optional<Condition> optional(ProxySection section, Args args) {
        return args.hasNext() ? Optional.of(required(section, args)) : Optional.empty();
    }

    /** A condition that must be there. */
    static Condition required(ProxySection section, Args args) {
        boolean unless = args.choice("a condition", "if", "unless").equals("unless");
        List<List<AclTerm>> alternatives = new ArrayList<>();
        List<AclTerm> current = new ArrayList<>();
        int terms = 0;
        while (args.hasNext()) {
            String word = args.next("an ACL name");
            if (word.equals("||") || word.equals("or")) {
                if (current.isEmpty()) {
                    throw args.fail("expected an ACL name before '" + word + "'");
                }
                alternatives.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (++terms > TERMS_MAX) {
                throw args.fail("a condition has more than " + TERMS_MAX + " terms");
            }
            boolean negated = false;
            if (word.equals("!")) {
                negated = true;
                word = args.next("an ACL name or '{' after '!'");
            }
            if (word.equals("{") || word.equals("!{")) {
                current.add(AnonymousAcl.read(section, args, negated != word.equals("!{")));
                continue;
            }
            AclTerm term = term(section, args, word);
            current.add(negated ? new AclTerm(term.aclName(), !term.negated()) : term);
        }
        if (current.isEmpty()) {
            throw args.fail("expected an ACL name after "
                    + (alternatives.isEmpty() ? (unless ? "'unless'" : "'if'") : "'||'")
                    + ", got nothing");
        }
        alternatives.add(current);
        return new Condition(unless, alternatives, ProxySection.location(args));
    }

    private static AclTerm term(ProxySection section, Args args, String word) {
        boolean negated = word.startsWith("!");
        String name = negated ? word.substring(1) : word;
        if (name.isEmpty()) {
            throw args.fail("expected an ACL name after '!'");
        }
        if (!section.aclNames.contains(name) && PredefinedAcl.named(name).isEmpty()
                && !section.refusedAclNames.contains(name)) {
            throw args.fail("no ACL named " + Args.quote(name) + " in this section; declare it"
                    + " above with 'acl " + name + " ...'");
        }
        return new AclTerm(name, negated);
    }
}
