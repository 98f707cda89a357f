package io.bramble.lb.proxy;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.acl.RequestFacts;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.TcpRequestRule;
import java.util.List;

/**
 * A frontend's {@code tcp-request connection} and {@code content} rules: within a phase, the
 * first rule whose condition holds accepts or rejects; none holding accepts.
 */
final class TcpRequestRules {
    private record Rule(TcpRequestRule.Phase phase, boolean accept,
            CompiledCondition condition) {}

    private final List<Rule> rules;

    TcpRequestRules(ProxyConfig config, AclSet acls) {
        this.rules = config.tcpRequestRules().stream().map(r -> new Rule(r.phase(), r.accept(),
                acls.compile(r.condition()))).toList();
    }

    /** False when a rule of {@code phase} rejects the connection described by {@code facts}. */
    boolean accepts(TcpRequestRule.Phase phase, RequestFacts facts) {
        for (Rule rule : rules) {
            if (rule.phase() == phase && rule.condition().test(facts)) {
                return rule.accept();
            }
        }
        return true;
    }
}
