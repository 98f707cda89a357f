package io.bramble.lvs.config;

import io.bramble.common.config.Diagnostics;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a virtual server as read into its checked record: the group it names, ports left out,
 * the defaults keepalived applies at each level, and what spans blocks.
 */
final class VirtualServerChecks {
    /** keepalived's delay before a retry of HTTP_GET and SSL_GET; other checkers wait 1 s. */
    static final Duration HTTP_DELAY_BEFORE_RETRY = Duration.ofSeconds(3);
    static final Duration OTHER_DELAY_BEFORE_RETRY = Duration.ofSeconds(1);

    private VirtualServerChecks() {
    }

    static Optional<VirtualServerConfig> check(VirtualServerDraft draft,
            Map<String, List<InetSocketAddress>> groups, Diagnostics diagnostics) {
        List<InetSocketAddress> addresses;
        if (draft.group != null) {
            addresses = groups.get(draft.group);
            if (addresses == null) {
                diagnostics.error(draft.where, "virtual_server", "no virtual_server_group "
                        + "named '" + draft.group + "' is defined");
                return Optional.empty();
            }
        } else {
            addresses = List.of(draft.address);
        }
        int virtualPort = addresses.isEmpty() ? 0 : addresses.getFirst().getPort();
        List<RealServerConfig> reals = new ArrayList<>();
        for (RealServerDraft real : draft.realServers) {
            reals.add(realServer(real, virtualPort, draft.method));
        }
        ForwardChecks.check(draft, addresses, reals, diagnostics);
        Optional<Persistence> persistence = Optional.empty();
        if (draft.persistenceTimeout != null) {
            int oneClient = addresses.isEmpty()
                    ? 32
                    : addresses.getFirst().getAddress().getAddress().length * 8;
            persistence = Optional.of(new Persistence(draft.persistenceTimeout,
                    draft.persistenceBits == null
                            ? oneClient
                            : Math.min(draft.persistenceBits, oneClient)));
        } else if (draft.persistenceBits != null) {
            diagnostics.warning(draft.where, "persistence_granularity", "has no effect "
                    + "without persistence_timeout, as in keepalived");
        }
        Optional<InetSocketAddress> sorry = Optional.ofNullable(draft.sorryServer)
                .map(s -> s.getPort() == 0
                        ? new InetSocketAddress(s.getAddress(), virtualPort)
                        : s);
        return Optional.of(new VirtualServerConfig(draft.where, draft.name, addresses,
                draft.protocol, draft.scheduler, draft.method, persistence, draft.quorum,
                draft.hysteresis,
                draft.quorumUp, draft.quorumDown, sorry,
                draft.tunables.resolve(t -> t.alpha, false), draft.omega, draft.haSuspend,
                reals));
    }

    private static RealServerConfig realServer(RealServerDraft draft, int virtualPort,
            ForwardMethod virtualMethod) {
        List<CheckConfig> checks = new ArrayList<>();
        InetSocketAddress address = new InetSocketAddress(draft.address,
                draft.port == 0 ? virtualPort : draft.port);
        for (CheckDraft check : draft.checks) {
            checks.add(check(check, address));
        }
        return new RealServerConfig(draft.where, address,
                draft.method != null ? draft.method : virtualMethod, draft.weight,
                draft.tunables.resolve(t -> t.inhibitOnFailure, false), draft.notifyUp,
                draft.notifyDown, draft.tunables.resolve(t -> t.alpha, false), checks);
    }

    private static CheckConfig check(CheckDraft draft, InetSocketAddress real) {
        CheckTarget target = new CheckTarget(new InetSocketAddress(
                draft.connectIp != null ? draft.connectIp : real.getAddress(),
                draft.connectPort != 0 ? draft.connectPort : real.getPort()),
                Optional.ofNullable(draft.bindTo), draft.bindPort);
        return switch (draft.kind) {
            case TCP_CHECK -> new TcpCheckConfig(draft.where,
                    draft.tunables.timing(1, OTHER_DELAY_BEFORE_RETRY), target);
            case HTTP_GET, SSL_GET -> new HttpGetConfig(draft.where,
                    draft.tunables.timing(1, HTTP_DELAY_BEFORE_RETRY), target,
                    draft.kind == CheckDraft.Kind.SSL_GET, draft.httpProtocol,
                    draft.urls.stream().map(url -> url(url, draft)).toList(), draft.sni);
            case MISC_CHECK -> {
                CheckTiming timing = draft.tunables.timing(0, OTHER_DELAY_BEFORE_RETRY);
                yield new MiscCheckConfig(draft.where, timing, draft.miscPath,
                        draft.miscTimeout != null ? draft.miscTimeout : timing.delayLoop(),
                        draft.miscDynamic);
            }
        };
    }

    private static UrlCheck url(CheckDraft.UrlDraft url, CheckDraft check) {
        return new UrlCheck(url.path == null ? "/" : url.path, Optional.ofNullable(url.digest),
                url.statusCodes.isEmpty() ? List.of(StatusRange.SUCCESS) : url.statusCodes,
                Optional.ofNullable(url.virtualhost != null
                        ? url.virtualhost
                        : check.tunables.resolve(t -> t.virtualhost, null)));
    }

    /** Two virtual servers on one address, port and protocol would share a listener. */
    static void distinctAddresses(List<VirtualServerConfig> servers, Diagnostics diagnostics) {
        Map<String, VirtualServerConfig> seen = new HashMap<>();
        for (VirtualServerConfig server : servers) {
            for (InetSocketAddress address : server.addresses()) {
                String key = server.protocol() + " " + address;
                VirtualServerConfig earlier = seen.putIfAbsent(key, server);
                if (earlier != null && earlier != server) {
                    diagnostics.error(server.where(), "virtual_server", server.protocol() + " "
                            + address.getAddress().getHostAddress() + ":" + address.getPort()
                            + " is already served by the virtual server at "
                            + earlier.where());
                }
            }
        }
    }
}
