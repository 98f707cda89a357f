package io.bramble.lb.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.Optional;

/**
 * Checks of a section's check lines once it is read: tcp-check steps of its own that no option
 * runs (a warning, as HAProxy gives; inherited ones are silently unused, as there), and a connect with {@code ssl} to servers without TLS settings.
 */
final class CheckRules {
    private CheckRules() {
    }

    static void review(Diagnostics diagnostics, ProxySection section) {
        ProxyConfig.Builder builder = section.builder;
        if (!builder.kind.hasBackend()) {
            return;
        }
        boolean script = builder.tcpCheck.map(t -> t.origin().equals(CheckKeywords.TCP_CHECK))
                .orElse(false);
        if (section.ownsTcpCheckRules() && !section.tcpCheckRules.isEmpty() && !script) {
            diagnostics.warning(section.tcpCheckRulesWhere.getFirst(), "tcp-check", "backend '"
                    + builder.name + "' uses tcp-check rules without 'option tcp-check', so "
                    + "the rules are ignored");
        }
        Optional<Location> ssl = Optional.empty();
        if (script) {
            for (int i = 0; i < section.tcpCheckRules.size() && ssl.isEmpty(); i++) {
                if (section.tcpCheckRules.get(i) instanceof TcpCheckRule.Connect c && c.ssl()) {
                    ssl = Optional.of(section.tcpCheckRulesWhere.get(i));
                }
            }
        } else if (builder.httpCheck.isPresent() && section.httpCheckConnect.map(
                TcpCheckRule.Connect::ssl).orElse(false)) {
            ssl = section.httpCheckConnectWhere;
        }
        if (ssl.isEmpty()) {
            return;
        }
        for (ServerConfig server : builder.servers) {
            if (server.options().check() && !server.options().tls().enabled()) {
                diagnostics.error(ssl.get(), "connect", "'ssl' in a check is supported for "
                        + "servers with 'ssl' (bramble takes the check's TLS settings from "
                        + "there); server '" + server.name() + "' at " + server.location()
                        + " has none");
                return;
            }
        }
    }
}
