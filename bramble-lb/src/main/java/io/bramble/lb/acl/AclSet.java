package io.bramble.lb.acl;

import io.bramble.lb.config.AclConfig;
import io.bramble.lb.config.AclTerm;
import io.bramble.lb.config.Condition;
import io.bramble.lb.config.PredefinedAcl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A proxy's ACLs by name, compiled once: lines of the same name are ORed, a declared name
 * hides a predefined one. Thread-safe after construction.
 */
public final class AclSet {
    private final Map<String, List<AclLine>> byName = new LinkedHashMap<>();

    public AclSet(List<AclConfig> acls) {
        for (PredefinedAcl predefined : PredefinedAcl.values()) {
            byName.put(predefined.name(), List.of(new AclLine(predefined.acl())));
        }
        Map<String, List<AclLine>> declared = new LinkedHashMap<>();
        for (AclConfig acl : acls) {
            declared.computeIfAbsent(acl.name(), n -> new ArrayList<>()).add(new AclLine(acl));
        }
        byName.putAll(declared);
    }

    /**
     * Compiles a condition; fails naming the first ACL that is neither declared nor
     * predefined.
     */
    public CompiledCondition compile(Condition condition) {
        List<List<CompiledCondition.Term>> alternatives = new ArrayList<>();
        for (List<AclTerm> branch : condition.alternatives()) {
            List<CompiledCondition.Term> terms = new ArrayList<>();
            for (AclTerm term : branch) {
                List<AclLine> lines = byName.get(term.aclName());
                if (lines == null) {
                    throw new IllegalArgumentException("unknown acl '" + term.aclName()
                            + "' in condition at " + condition.location());
                }
                terms.add(new CompiledCondition.Term(List.copyOf(lines), term.negated()));
            }
            alternatives.add(List.copyOf(terms));
        }
        return new CompiledCondition(condition.unless(), List.copyOf(alternatives));
    }

    /** Compiles an optional condition; an absent one always holds. */
    public CompiledCondition compile(Optional<Condition> condition) {
        return condition.map(this::compile).orElse(CompiledCondition.ALWAYS);
    }
}
