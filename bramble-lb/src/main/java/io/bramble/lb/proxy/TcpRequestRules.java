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

    /** What the content rules decided: to accept, to reject, or to wait for more bytes. */
    enum Verdict {
        ACCEPT, REJECT, WAIT
    }

    /**
     * Runs the content rules from the {@code from}-th rule of the list on, as HAProxy resumes
     * them where they waited: a rule whose condition cannot tell yet, the client's bytes being
     * too few ({@link CompiledCondition.Verdict#UNDECIDED}), waits for more. {@code resume} gets the rule to
     * start from on the next run.
     */
    Verdict content(RequestFacts facts, int from, java.util.function.IntConsumer resume) {
        for (int i = from; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.phase() != TcpRequestRule.Phase.CONTENT) {
                continue;
            }
            CompiledCondition.Verdict verdict = rule.condition().decide(facts);
            if (verdict == CompiledCondition.Verdict.UNDECIDED) {
                resume.accept(i);
                return Verdict.WAIT;
            }
            if (verdict == CompiledCondition.Verdict.SKIPPED) {
                continue;
            }
            switch (rule.action()) {
                case TcpRequestAction.Accept accept -> {
                    return Verdict.ACCEPT;
                }
                case TcpRequestAction.Reject reject -> {
                    return Verdict.REJECT;
                }
                case TcpRequestAction.Track track -> StickTracking.trackSource(
                        track.track(), facts);
            }
        }
        return Verdict.ACCEPT;
    }

    /** Whether the frontend has content rules, which may wait for the client's bytes. */
    boolean hasContentRules() {
        return rules.stream().anyMatch(r -> r.phase() == TcpRequestRule.Phase.CONTENT);
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
