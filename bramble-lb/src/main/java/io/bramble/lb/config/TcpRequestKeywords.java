package io.bramble.lb.config;

import static io.bramble.lb.config.ProxyKeywords.D_F_B;
import static io.bramble.lb.config.ProxyKeywords.F;
import static io.bramble.lb.config.ProxyKeywords.in;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code tcp-request connection|content accept|reject|track-scN src [table T] [if|unless COND]}
 * in frontends, and
 * {@code tcp-request inspect-delay}. Connection rules may look only at what a connection shows
 * before any byte of it is read (the client's address); content rules may also read the bytes
 * the client sent ({@code req.len}, {@code req.ssl_hello_type}, {@code req.ssl_sni},
 * {@code req.ssl_alpn}), waiting for them up to the inspect delay; {@link ProxyChecks} refuses
 * other conditions. Other actions, {@code tcp-request session} and rules in a backend section
 * are refused by name.
 */
final class TcpRequestKeywords {
    private TcpRequestKeywords() {
    }

    static void register(KeywordTable<ProxySection> table) {
        table.keyword("tcp-request connection", in(F, (s, a) -> rule(s, a,
                TcpRequestRule.Phase.CONNECTION)))
                .keyword("tcp-request content", (s, a) -> {
                    if (!s.allows(F)) {
                        throw a.fail("tcp-request content rules in " + s.describe()
                                + " are not supported by bramble; write them in the frontend");
                    }
                    rule(s, a, TcpRequestRule.Phase.CONTENT);
                })
                .keyword("tcp-request inspect-delay", in(D_F_B, (s, a) -> {
                    s.builder.inspectDelayMs = a.duration("a delay", Duration.ZERO,
                            Duration.ofMillis(Timeouts.MAX_MS), ChronoUnit.MILLIS).toMillis();
                    a.end();
                }))
                .unsupported("tcp-request session", "bramble reads tcp-request connection "
                        + "and content rules");
    }

    private static void rule(ProxySection s, Args a, TcpRequestRule.Phase phase) {
        String action = a.next("accept, reject or track-sc0, track-sc1, track-sc2");
        TcpRequestAction read = switch (action) {
            case "accept" -> new TcpRequestAction.Accept();
            case "reject" -> new TcpRequestAction.Reject();
            case "track-sc0", "track-sc1", "track-sc2" -> new TcpRequestAction.Track(
                    StickKeywords.track(s, a, action.charAt(action.length() - 1) - '0', null));
            default -> throw a.fail("the action " + Args.quote(action) + " is not supported by "
                    + "bramble in tcp-request rules; it reads accept, reject and track-sc0, "
                    + "track-sc1, track-sc2");
        };
        Optional<Condition> condition = ConditionReader.optional(s, a);
        if (s.builder.tcpRequestRules.size() >= RuleKeywords.RULES_MAX) {
            throw a.fail("more than " + RuleKeywords.RULES_MAX + " rules of this kind in one "
                    + "section");
        }
        s.builder.tcpRequestRules.add(new TcpRequestRule(phase, read, condition,
                ProxySection.location(a)));
    }
}
