package io.bramble.lvs.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.common.net.Cidr;
import io.bramble.lvs.schedule.SchedulerKind;
import io.bramble.vrrp.config.Readers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The keywords of a {@code virtual_server} block. */
final class VirtualServerKeywords {
    static final int REAL_SERVERS_MAX = 1_024;
    /** IPVS's persistence timeouts are 32-bit seconds; a year is plenty. */
    static final int PERSISTENCE_TIMEOUT_S_MAX = 31_536_000;

    static final KeywordTable<VirtualServerDraft> TABLE = Tunables.timingKeywords(
            new KeywordTable<VirtualServerDraft>("virtual_server"),
            (VirtualServerDraft v) -> v.tunables)
            .keyword("lvs_sched", VirtualServerKeywords::scheduler)
            .keyword("lb_algo", VirtualServerKeywords::scheduler)
            .keyword("lvs_method", (v, a) -> v.method = method(a))
            .keyword("lb_kind", (v, a) -> v.method = method(a))
            .keyword("protocol", VirtualServerKeywords::protocol)
            .keyword("persistence_timeout", VirtualServerKeywords::persistenceTimeout)
            .keyword("persistence_granularity", VirtualServerKeywords::granularity)
            .keyword("quorum", (v, a) -> {
                v.quorum = a.integer("a total weight", 1, Integer.MAX_VALUE);
                a.end();
            })
            .keyword("hysteresis", (v, a) -> {
                v.hysteresis = a.integer("a weight", 0, Integer.MAX_VALUE);
                a.end();
            })
            .keyword("quorum_up", (v, a) -> v.quorumUp = Readers.command(a, true))
            .keyword("quorum_down", (v, a) -> v.quorumDown = Readers.command(a, true))
            .keyword("sorry_server", VirtualServerKeywords::sorryServer)
            .keyword("inhibit_on_failure",
                    (v, a) -> v.tunables.inhibitOnFailure = Tunables.flag(a))
            .keyword("alpha", (v, a) -> v.tunables.alpha = Tunables.flag(a))
            .keyword("omega", (v, a) -> v.omega = Tunables.flag(a))
            .keyword("ha_suspend", (v, a) -> v.haSuspend = Tunables.flag(a))
            .keyword("virtualhost", (v, a) -> v.tunables.virtualhost = CheckKeywords.word(a,
                    "a host name"))
            .keyword("real_server", VirtualServerKeywords::realServer)
            .warnOnly("nat_mask", "keepalived ignores it too")
            .warnOnly("smtp_alert", "bramble sends no mail; use quorum_up and quorum_down")
            .warnOnly("snmp_name", "bramble has no SNMP agent")
            .unsupported("persistence_engine", "")
            .unsupported("ip_family", "")
            .unsupported("sorry_server_inhibit", "")
            .unsupported("sorry_server_lvs_method", "")
            .unsupported("ops", "")
            .unsupported("flag-1", "")
            .unsupported("flag-2", "")
            .unsupported("flag-3", "")
            .unsupported("sh-port", "")
            .unsupported("sh-fallback", "")
            .unsupported("mh-port", "")
            .unsupported("mh-fallback", "");

    private VirtualServerKeywords() {
    }

    /**
     * {@code lvs_method NAT|DR|TUN [type ipip]}; keepalived's other tunnel types (GUE, GRE)
     * need the kernel's IPVS.
     */
    static ForwardMethod method(Args args) {
        ForwardMethod method = ForwardMethod.valueOf(args.choice("a forwarding method", "NAT",
                "DR", "TUN"));
        if (method == ForwardMethod.TUN && args.hasNext()) {
            args.choice("'type'", "type");
            String type = args.choice("a tunnel type", "ipip", "gue", "gre");
            if (!type.equals("ipip")) {
                throw args.fail("TUN type " + type + " is not supported by bramble: it "
                        + "tunnels IP in IP only");
            }
        }
        args.end();
        return method;
    }

    private static void scheduler(VirtualServerDraft server, Args args) {
        String word = args.next("a scheduler");
        Optional<SchedulerKind> kind = SchedulerKind.named(word);
        if (kind.isEmpty()) {
            if (word.equals("twos")) {
                throw args.fail("scheduler 'twos' is not supported by bramble");
            }
            throw args.unexpected("a scheduler (one of " + String.join(", ", Arrays.stream(
                    SchedulerKind.values()).map(SchedulerKind::label).toList()) + ")", word);
        }
        args.end();
        server.scheduler = kind.get();
    }

    private static void protocol(VirtualServerDraft server, Args args) {
        String word = args.choice("a protocol", "TCP", "UDP", "SCTP");
        if (word.equals("SCTP")) {
            throw args.fail("protocol SCTP is not supported by bramble");
        }
        args.end();
        server.protocol = Protocol.valueOf(word);
    }

    private static void persistenceTimeout(VirtualServerDraft server, Args args) {
        server.persistenceTimeout = args.hasNext()
                ? Duration.ofSeconds(args.integer("a timeout in seconds", 1,
                        PERSISTENCE_TIMEOUT_S_MAX))
                : Persistence.DEFAULT_TIMEOUT;
        args.end();
    }

    private static void granularity(VirtualServerDraft server, Args args) {
        String expected = "a netmask such as 255.255.255.0, or an IPv6 prefix length";
        String word = args.next(expected);
        Optional<Cidr> mask = word.matches("\\d{1,3}")
                ? Cidr.tryParse("::/" + word)
                : Cidr.tryParse("0.0.0.0/" + word);
        if (mask.isEmpty() || mask.get().prefixLength() == 0) {
            throw args.unexpected(expected, word);
        }
        args.end();
        server.persistenceBits = mask.get().prefixLength();
    }

    private static void sorryServer(VirtualServerDraft server, Args args) {
        InetAddress address = args.inetAddress("an address");
        int port = args.hasNext() ? args.port("a port") : 0;
        args.end();
        server.sorryServer = new InetSocketAddress(address, port);
    }

    private static void realServer(VirtualServerDraft server, Args args) {
        InetAddress address = args.inetAddress("a real server address");
        int port = args.hasNext() ? args.port("a port") : 0;
        args.end();
        if (server.realServers.size() >= REAL_SERVERS_MAX) {
            throw args.fail("more than " + REAL_SERVERS_MAX + " real servers");
        }
        RealServerDraft real = new RealServerDraft(args.where(), address, port,
                server.tunables, server.diagnostics);
        RealServerKeywords.TABLE.dispatchAll(real, args.block("real_server keywords"),
                server.diagnostics);
        server.realServers.add(real);
    }
}
