package io.bramble.lb.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.List;
import java.util.Optional;

/**
 * Servers written without a port take the port each client connected to, so their health
 * checks need a port of their own: the server's {@code port N}, or a {@code tcp-check connect}
 * or {@code http-check connect} with a port as the first step. A checked server with none is an
 * error, as HAProxy 2.6 makes it.
 */
final class PortlessServers {
    private PortlessServers() {
    }

    static void review(Diagnostics diagnostics, ProxySection section) {
        ProxyConfig.Builder builder = section.builder;
        if (!builder.kind.hasBackend()) {
            return;
        }
        for (ServerConfig server : builder.servers) {
            if (server.address().hasPort() || !server.options().check()
                    || server.options().checkPort() != 0) {
                continue;
            }
            missingCheckPort(section).ifPresent(missing -> diagnostics.error(new Location(
                    server.location().file(), server.location().line()), "server",
                    "server '"
                            + server.name() + "' has neither a port nor a check port" + missing
                            + "; add 'port N' to its line"));
        }
    }

    /**
     * The end of the message when the section's check gives no port ("" when it has no
     * steps at all), empty when it gives one.
     */
    private static Optional<String> missingCheckPort(ProxySection section) {
        ProxyConfig.Builder builder = section.builder;
        Optional<String> noConnect = Optional.of(" nor a first check step 'connect' with a "
                + "port");
        if (builder.httpCheck.isPresent()) {
            return section.httpCheckConnect.filter(c -> c.port() != 0).isPresent()
                    ? Optional.empty()
                    : noConnect;
        }
        if (builder.tcpCheck.isEmpty()) {
            return Optional.of("");
        }
        if (!builder.tcpCheck.get().origin().equals(CheckKeywords.TCP_CHECK)) {
            return noConnect;
        }
        List<TcpCheckRule> steps = section.tcpCheckRules.stream()
                .filter(r -> !(r instanceof TcpCheckRule.Comment)).toList();
        if (steps.isEmpty()) {
            return Optional.of("");
        }
        if (!(steps.getFirst() instanceof TcpCheckRule.Connect first) || first.port() == 0) {
            return noConnect;
        }
        boolean everyConnectHasPort = steps.stream()
                .allMatch(r -> !(r instanceof TcpCheckRule.Connect c) || c.port() != 0);
        return everyConnectHasPort
                ? Optional.empty()
                : Optional.of(", and a 'tcp-check connect' has no port");
    }
}
