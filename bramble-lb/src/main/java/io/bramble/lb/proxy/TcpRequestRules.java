package io.bramble.lb.proxy;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.acl.RequestFacts;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.TcpRequestAction;
import io.bramble.lb.config.TcpRequestRule;
import java.util.List;

/**
 * A frontend's {@code tcp-request connection} and {@code content} rules: within a phase, the
 * first accept or reject whose condition holds decides; none holding accepts; track-scN rules
 * track and go on.
 */
final class TcpRequestRules {
    private record Rule(TcpRequestRule.Phase phase, TcpRequestAction action,
            CompiledCondition condition) {}

    private final List<Rule> rules;

    TcpRequestRules(ProxyConfig config, AclSet acls) {
        this.rules = config.tcpRequestRules().stream().map(r -> new Rule(r.phase(), r.action(),
                acls.compile(r.condition()))).toList();
    }

    /**
     * False when a rule of {@code phase} rejects the connection described by {@code facts};
     * its track-scN rules on the way track the client's address in the facts' counters.
     */
    boolean accepts(TcpRequestRule.Phase phase, RequestFacts facts) {
        for (Rule rule : rules) {
            if (rule.phase() != phase || !rule.condition().test(facts)) {
                continue;
            }
            switch (rule.action()) {
                case TcpRequestAction.Accept accept -> {
                    return true;
                }
                case TcpRequestAction.Reject reject -> {
                    return false;
                }
                case TcpRequestAction.Track track -> StickTracking.trackSource(
                        track.track(), facts);
            }
        }
        return true;
    }
}
