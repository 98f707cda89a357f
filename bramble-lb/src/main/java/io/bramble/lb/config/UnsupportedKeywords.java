package io.bramble.lb.config;

import io.bramble.common.config.KeywordTable;

/**
 * Real HAProxy keywords bramble does not implement, so that a file using one gets "not
 * supported by bramble" with FILE:LINE instead of an "unknown keyword" or, worse, silence.
 */
final class UnsupportedKeywords {
    private static final String TLS = "bramble does not offer this TLS setting; see "
            + "docs/lb.md for the TLS keywords it reads";
    private static final String TLS_OPTION = "bramble's TLS options are ssl, crt, alpn, "
            + "ssl-min-ver, ssl-max-ver and strict-sni";

    /** For the keywords of HAProxy's server-state file. */
    static final String SERVER_STATE = "bramble keeps no server-state file: a reload keeps "
            + "each server's state (health, weight, maintenance) within the process, which is "
            + "what the file carries across HAProxy's reloads; remove the line ('show servers "
            + "state' on the stats socket prints the states)";
    /** For {@code peers} sections and what names them. */
    static final String PEERS = "bramble has no peers sections: its stick tables are not "
            + "shared between processes; remove the section and each table's 'peers NAME' "
            + "(each bramble then keeps its own counts, as one HAProxy without peers does)";

    private static final String RESOLVERS = "bramble has no resolvers section: it finds a "
            + "server's address once at start, through the system's resolver (init-addr libc)";

    private UnsupportedKeywords() {
    }

    static void registerGlobal(KeywordTable<GlobalDraft> table) {
        table.unsupported("server-state-file", SERVER_STATE)
                .unsupported("server-state-base", SERVER_STATE)
                .unsupported("localpeer", PEERS);
        table.unsupportedPrefix("51degrees-", "")
                .unsupportedPrefix("deviceatlas-", "")
                .unsupportedPrefix("wurfl-", "")
                .unsupportedPrefix("lua-", "bramble has no Lua engine")
                .unsupportedPrefix("ssl-", TLS)
                .unsupportedPrefix("h1-", "")
                .unsupportedPrefix("quic-", "")
                .unsupportedPrefix("httpclient.", "")
                .unsupportedPrefix("fd-hard-limit", "");
        for (String keyword : new String[]{"nbproc", "cpu-map", "uid", "gid", "ulimit-n",
                "setenv", "presetenv", "resetenv", "unsetenv", "spread-checks",
                "max-spread-checks", "maxconnrate", "maxsessrate", "maxsslconn", "maxsslrate",
                "maxpipes", "maxcomprate", "maxcompcpuusage", "maxzlibmem",
                "nokqueue", "nopoll", "nosplice", "nogetaddrinfo", "noreuseport",
                "mworker-max-reloads", "hard-stop-after", "grace",
                "description", "log-send-hostname", "log-tag", "external-check",
                "insecure-fork-wanted", "insecure-setuid-wanted", "expose-experimental-directives",
                "unix-bind",
                "set-dumpable", "strict-limits", "busy-polling", "debug", "quiet", "zero-warning",
                "set-var", "pp2-never-send-local", "profiling.tasks", "thread-groups",
                "thread-group", "numa-cpu-mapping", "cluster-secret", "issuers-chain-path",
                "stats bind-process", "stats maxconn", "default-path",
                "h2-workaround-bogus-websocket-clients",
                "ca-base-dir", "node-name"}) {
            if (!table.knows(keyword)) {
                table.unsupported(keyword, "");
            }
        }
    }

    static void registerProxy(KeywordTable<ProxySection> table) {
        table.unsupported("load-server-state-from-file", SERVER_STATE)
                .unsupported("server-state-file-name", SERVER_STATE);
        for (String keyword : new String[]{"capture", "hash-type", "hash-key",
                "fullconn", "backlog", "bind-process", "description", "dispatch", "email-alert",
                "errorloc", "errorloc302", "errorloc303", "errorfiles", "force-persist",
                "filter", "http-send-name-header", "id", "ignore-persist",
                "log-format-sd", "log-tag",
                "error-log-format", "max-keep-alive-queue", "max-session-srv-conns",
                "monitor", "monitor-uri", "monitor-net", "persist", "rate-limit",
                "stick",
                "tcp-response", "unique-id-format",
                "unique-id-header", "use-server", "use-fcgi-app", "http-after-response",
                "http-error", "declare", "enabled", "disabled", "grace", "retry-on",
                "external-check", "log-steps", "guid", "srvtcpka-cnt", "srvtcpka-idle",
                "srvtcpka-intvl", "clitcpka-cnt", "clitcpka-idle", "clitcpka-intvl",
                "contimeout", "clitimeout", "srvtimeout", "reqadd", "reqdel", "reqrep",
                "reqirep", "reqidel", "reqallow", "reqdeny", "reqpass", "reqtarpit", "rspadd",
                "rspdel", "rsprep", "rspirep", "rspdeny", "block", "redisp", "redispatch"}) {
            if (!table.knows(keyword)) {
                table.unsupported(keyword, hint(keyword));
            }
        }
        for (String option : new String[]{"abortonclose", "accept-invalid-http-request",
                "accept-invalid-http-response", "accept-unsafe-violations-in-http-request",
                "accept-unsafe-violations-in-http-response", "allbackups", "checkcache",
                "clitcpka", "contstats", "disable-h2-upgrade", "external-check",
                "h1-case-adjust-bogus-client", "h1-case-adjust-bogus-server",
                "http-buffer-request", "http-ignore-probes", "http-no-delay",
                "http-pretend-keepalive", "http-restrict-req-hdr-names", "http-use-proxy-header",
                "http_proxy", "httpslog", "idle-close-on-response", "independent-streams",
                "log-health-checks", "log-separate-errors", "logasap",
                "nolinger", "originalto", "persist", "socket-stats",
                "splice-auto", "splice-request", "splice-response", "spop-check",
                "srvtcpka", "tcp-smart-accept",
                "tcp-smart-connect", "tcpka", "transparent", "forceclose", "http-tunnel",
                "http-use-htx"}) {
            if (table.knows("option " + option)) {
                continue;
            }
            table.unsupported("option " + option, "");
            table.warnOnly("no option " + option, "bramble does not implement 'option " + option
                    + "', so it is off, as this line asks");
        }
        for (String check : new String[]{"disable-on-404", "send-state", "set-var",
                "unset-var"}) {
            table.unsupported("http-check " + check, "bramble reads option httpchk with "
                    + "http-check connect, send and expect");
        }
        table.unsupported("timeout tarpit", "");
        for (String stats : new String[]{"scope", "http-request", "show-desc",
                "show-modules", "bind-process"}) {
            if (!table.knows("stats " + stats)) {
                table.unsupported("stats " + stats, "");
            }
        }
        String[] requestActions = {"add-acl", "allow", "cache-use", "capture",
                "del-acl", "del-map", "disable-l7-retry", "do-resolve", "early-hint",
                "normalize-uri", "reject", "replace-header", "replace-pathq",
                "replace-uri", "replace-value", "sc-add-gpc", "sc-inc-gpc",
                "sc-inc-gpc0", "sc-inc-gpc1", "sc-set-gpt", "sc-set-gpt0", "send-spoe-group",
                "set-bandwidth-limit", "set-dst", "set-dst-port", "set-log-level", "set-map",
                "set-mark", "set-method", "set-nice", "set-path", "set-pathq",
                "set-priority-class", "set-priority-offset", "set-query", "set-src",
                "set-src-port", "set-timeout", "set-tos", "set-uri", "set-var",
                "set-var-fmt", "silent-drop", "strict-mode", "tarpit", "unset-var", "wait-for-body",
                "wait-for-handshake", "lua"};
        for (String action : requestActions) {
            table.unsupported("http-request " + action, actionHint(action));
        }
        table.unsupportedPrefix("http-request lua.", "bramble has no Lua engine");
        for (String action : new String[]{"add-acl", "allow", "cache-store", "capture",
                "del-acl", "del-map", "deny", "redirect", "replace-header", "replace-value",
                "return", "sc-inc-gpc0", "sc-inc-gpc1", "sc-set-gpt0", "send-spoe-group",
                "set-bandwidth-limit", "set-log-level", "set-map", "set-mark", "set-nice",
                "set-status", "set-timeout", "set-tos", "set-var", "set-var-fmt",
                "silent-drop", "strict-mode", "track-sc0", "track-sc1", "track-sc2",
                "unset-var", "wait-for-body", "lua"}) {
            table.unsupported("http-response " + action, actionHint(action));
        }
        table.unsupportedPrefix("http-response lua.", "bramble has no Lua engine");
    }

    /** What an unsupported http-request or http-response action lacks in bramble. */
    private static String actionHint(String action) {
        if (action.startsWith("sc-") || action.startsWith("track-sc")) {
            return "bramble's stick counters take track-sc0..2, sc-inc-gpc0(0..2) and "
                    + "sc-set-gpt0(0..2) in http-request rules, track-sc0..2 in tcp-request "
                    + "rules";
        }
        if (action.endsWith("-var") || action.equals("set-var-fmt")) {
            return "bramble reads it in http-request and http-response rules, with the "
                    + "variable's name: " + action + "(txn.NAME)";
        }
        return action.equals("lua") ? "bramble has no Lua engine" : "";
    }

    private static String hint(String keyword) {
        return switch (keyword) {
            case "error-log-format", "log-format-sd" -> "bramble writes the lines of "
                    + "'option httplog', 'option tcplog', 'log-format', or the connect line "
                    + "without any; remove the line";
            case "contimeout" -> "write 'timeout connect'";
            case "clitimeout" -> "write 'timeout client'";
            case "srvtimeout" -> "write 'timeout server'";
            case "redispatch", "redisp" -> "write 'option redispatch'";
            case "reqadd", "reqdel", "reqrep", "reqirep", "reqidel", "reqallow", "reqdeny",
                    "reqpass", "reqtarpit", "block" ->
                "HAProxy removed it too; use "
                        + "http-request rules";
            case "rspadd", "rspdel", "rsprep", "rspirep", "rspdeny" -> "HAProxy removed it "
                    + "too; use http-response rules";
            default -> "";
        };
    }

    static void registerServerOptions(KeywordTable<ServerKeywords.Draft> table) {
        for (String option : new String[]{"addr", "agent-addr", "agent-check", "agent-inter",
                "agent-port", "agent-send", "allow-0rtt", "alpn", "ca-file", "check-alpn",
                "check-proto", "check-send-proxy", "check-sni", "check-ssl",
                "check-via-socks4", "ciphers", "ciphersuites", "crl-file", "crt",
                "error-limit", "force-sslv3", "force-tlsv10", "force-tlsv11", "force-tlsv12",
                "force-tlsv13", "id", "init-addr", "log-proto", "max-reuse",
                "minconn", "namespace", "no-agent-check", "no-check-ssl", "no-send-proxy",
                "no-ssl", "no-ssl-reuse", "no-sslv3", "no-tls-tickets", "no-tlsv10",
                "no-tlsv11", "no-tlsv12", "no-tlsv13", "no-verifyhost", "npn", "observe",
                "on-error", "pool-conn-name",
                "pool-low-conn", "proto",
                "proxy-v2-options", "redir", "resolve-net", "resolve-opts", "resolve-prefer",
                "resolvers", "send-proxy", "send-proxy-v2", "send-proxy-v2-ssl",
                "send-proxy-v2-ssl-cn", "shard", "sni", "ssl",
                "ssl-max-ver", "ssl-min-ver", "ssl-reuse", "stick", "socks4", "tcp-ut", "tfo",
                "track", "verify", "verifyhost", "ws", "curves", "sigalgs",
                "client-sigalgs"}) {
            if (table.knows(option)) {
                continue;
            }
            table.unsupported(option, option.contains("ssl") || option.contains("tls")
                    || option.equals("crt") || option.equals("verify")
                            ? TLS
                            : option.startsWith("resolve") ? RESOLVERS : "");
        }
    }

    /** The {@code bind} options bramble does not offer, on a table that may have others. */
    static <T> void registerBindOptions(KeywordTable<T> table) {
        for (String option : new String[]{"accept-netscaler-cip", "accept-proxy",
                "allow-0rtt", "alpn", "backlog", "ca-file", "ca-ignore-err", "ca-sign-file",
                "ca-sign-pass", "ca-verify-file", "ciphers", "ciphersuites", "client-sigalgs",
                "crl-file", "crt", "crt-ignore-err", "crt-list", "curves", "defer-accept",
                "ecdhe", "expose-fd", "force-sslv3", "force-tlsv10", "force-tlsv11",
                "force-tlsv12", "force-tlsv13", "generate-certificates", "gid", "group", "id",
                "idle-ping", "interface", "label", "level", "maxconn", "mode", "mss", "name",
                "namespace", "nbconn", "nice", "no-alpn", "no-ca-names", "no-sslv3",
                "no-tls-tickets", "no-tlsv10", "no-tlsv11", "no-tlsv12", "no-tlsv13", "npn",
                "prefer-client-ciphers", "process", "proto", "quic-cc-algo",
                "quic-force-retry", "severity-output", "shards", "sigalgs", "ssl",
                "ssl-max-ver", "ssl-min-ver", "strict-sni", "tcp-ut", "tfo", "thread",
                "tls-ticket-keys", "transparent", "uid", "user", "v4v6", "v6only", "verify"}) {
            if (!table.knows(option)) {
                table.unsupported(option, option.contains("ssl") || option.contains("tls")
                        || option.startsWith("crt") || option.startsWith("ca-")
                        || option.equals("verify") ? TLS_OPTION : "");
            }
        }
    }
}
