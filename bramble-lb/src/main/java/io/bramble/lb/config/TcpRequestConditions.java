package io.bramble.lb.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The conditions of a section's tcp-request rules may only look at what is known when a
 * connection is accepted, the client's address ({@code src}, {@code LOCALHOST}, {@code TRUE},
 * {@code FALSE}) and the stick tables; content rules may also read the client's first bytes
 * ({@link AclFetch#readsClientBytes()}). Checked once the
 * file is read, since an ACL may get more lines after a rule names it.
 */
final class TcpRequestConditions {
    private static final Set<AclFetch> KNOWN_AT_ACCEPT = EnumSet.of(AclFetch.SRC,
            AclFetch.ALWAYS_TRUE, AclFetch.ALWAYS_FALSE, AclFetch.STICK);

    private TcpRequestConditions() {
    }

    static void review(Diagnostics diagnostics, ProxySection section) {
        ProxyConfig.Builder builder = section.builder;
        for (TcpRequestRule rule : builder.tcpRequestRules) {
            if (rule.condition().isEmpty()) {
                continue;
            }
            for (List<AclTerm> terms : rule.condition().get().alternatives()) {
                for (AclTerm term : terms) {
                    List<AclConfig> lines = builder.acls.stream()
                            .filter(acl -> acl.name().equals(term.aclName())).toList();
                    if (lines.isEmpty()) {
                        lines = PredefinedAcl.named(term.aclName()).map(p -> List.of(p.acl()))
                                .orElse(List.of());
                    }
                    for (AclConfig acl : lines) {
                        boolean content = rule.phase() == TcpRequestRule.Phase.CONTENT
                                && builder.mode == ProxyMode.TCP
                                && acl.fetch().readsClientBytes();
                        if (!content && !KNOWN_AT_ACCEPT.contains(acl.fetch())) {
                            diagnostics.error(new Location(rule.location().file(),
                                    rule.location().line()), "tcp-request",
                                    "ACL '"
                                            + term.aclName() + "' looks at " + acl.fetch().name()
                                                    .toLowerCase(Locale.ROOT)
                                            + ", which bramble's tcp-request rules do not "
                                            + "read: they take ACLs on src and stick tables "
                                            + "(and TRUE, FALSE, LOCALHOST), tcp-mode content "
                                            + "rules also req.len, req.ssl_hello_type, req.ssl_sni "
                                            + "and req.ssl_alpn");
                            return;
                        }
                    }
                }
            }
        }
    }
}
