package io.bramble.lvs.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.vrrp.config.Readers;

/** The keywords of a {@code real_server} block, its checkers among them. */
final class RealServerKeywords {
    static final int CHECKS_MAX = 16;
    private static final String NO_CHECKER = "bramble runs TCP_CHECK, HTTP_GET, SSL_GET and "
            + "MISC_CHECK (a MISC_CHECK script can run any other test)";

    static final KeywordTable<RealServerDraft> TABLE = Tunables.timingKeywords(
            new KeywordTable<RealServerDraft>("real_server"), (RealServerDraft r) -> r.tunables)
            .keyword("weight", (r, a) -> {
                r.weight = a.integer("a weight", 0, RealServerConfig.WEIGHT_MAX);
                a.end();
            })
            .keyword("inhibit_on_failure",
                    (r, a) -> r.tunables.inhibitOnFailure = Tunables.flag(a))
            .keyword("alpha", (r, a) -> r.tunables.alpha = Tunables.flag(a))
            .keyword("notify_up", (r, a) -> r.notifyUp = Readers.command(a, true))
            .keyword("notify_down", (r, a) -> r.notifyDown = Readers.command(a, true))
            .keyword("virtualhost", (r, a) -> r.tunables.virtualhost = CheckKeywords.word(a,
                    "a host name"))
            .keyword("lvs_method", RealServerKeywords::method)
            .keyword("lb_kind", RealServerKeywords::method)
            .keyword("TCP_CHECK", (r, a) -> check(r, a, CheckDraft.Kind.TCP_CHECK))
            .keyword("HTTP_GET", (r, a) -> check(r, a, CheckDraft.Kind.HTTP_GET))
            .keyword("SSL_GET", (r, a) -> check(r, a, CheckDraft.Kind.SSL_GET))
            .keyword("MISC_CHECK", (r, a) -> check(r, a, CheckDraft.Kind.MISC_CHECK))
            .unsupported("SMTP_CHECK", NO_CHECKER)
            .unsupported("DNS_CHECK", NO_CHECKER)
            .unsupported("UDP_CHECK", NO_CHECKER)
            .unsupported("PING_CHECK", NO_CHECKER)
            .unsupported("BFD_CHECK", NO_CHECKER)
            .unsupported("FILE_CHECK", NO_CHECKER)
            .unsupported("uthreshold", "")
            .unsupported("lthreshold", "")
            .warnOnly("smtp_alert", "bramble sends no mail; use notify_up and notify_down")
            .warnOnly("snmp_name", "bramble has no SNMP agent");

    private RealServerKeywords() {
    }

    private static void method(RealServerDraft server, Args args) {
        server.method = VirtualServerKeywords.method(args);
    }

    private static void check(RealServerDraft server, Args args, CheckDraft.Kind kind) {
        args.end();
        if (server.checks.size() >= CHECKS_MAX) {
            throw args.fail("more than " + CHECKS_MAX + " checkers on one real server");
        }
        CheckDraft check = new CheckDraft(kind, args.where(), server.tunables,
                server.diagnostics);
        KeywordTable<CheckDraft> table = switch (kind) {
            case TCP_CHECK -> CheckKeywords.TCP;
            case HTTP_GET, SSL_GET -> CheckKeywords.HTTP;
            case MISC_CHECK -> CheckKeywords.MISC;
        };
        table.dispatchAll(check, args.block(kind + " keywords"), server.diagnostics);
        if (kind == CheckDraft.Kind.MISC_CHECK && check.miscPath.isEmpty()) {
            args.error("a MISC_CHECK needs misc_path");
        }
        if ((kind == CheckDraft.Kind.HTTP_GET || kind == CheckDraft.Kind.SSL_GET)
                && check.urls.isEmpty()) {
            args.error("an " + kind + " needs at least one url block");
        }
        server.checks.add(check);
    }
}
