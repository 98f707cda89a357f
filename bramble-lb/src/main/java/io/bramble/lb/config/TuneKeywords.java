package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import java.util.Map;

/**
 * HAProxy 2.6's {@code tune.*} keywords of the global section, each with bramble's answer:
 * most are about sizes and engines bramble sets itself (Netty's buffers and event loops, the
 * JDK's TLS) and are accepted with a warning saying so; one whose value would change what
 * clients see ({@code tune.http.maxhdr} other than HAProxy's default) is refused.
 */
final class TuneKeywords {
    /** HAProxy's default {@code tune.bufsize}; bramble's head limit is this less maxrewrite. */
    static final long BUFSIZE_DEFAULT = 16_384;
    /** Largest {@code tune.bufsize} read; HAProxy allows more, nobody sets more. */
    static final long BUFSIZE_MAX = 1L << 30;
    /**
     * The engine's request head limit in KiB and header line limit, as the messages state
     * them (the model does not depend on the engine; a test holds them equal to its limits).
     */
    static final int HEAD_KIB = 15;
    static final int HEADER_LINES_MAX = 100;

    private static final String OWN_SIZING = "ignored: bramble sizes its buffers and event "
            + "loops itself";
    private static final String JDK_TLS = "ignored: TLS sessions, records and keys are the "
            + "JDK's";
    /** Keywords accepted with a warning that says why they change nothing. */
    private static final Map<String, String> IGNORED = Map.ofEntries(
            Map.entry("tune.maxrewrite", "ignored: bramble keeps its own room for headers "
                    + "added by rules (the 15 KiB head limit is HAProxy's default one)"),
            Map.entry("tune.ssl.cachesize", JDK_TLS), Map.entry("tune.ssl.lifetime", JDK_TLS),
            Map.entry("tune.ssl.force-private-cache", JDK_TLS),
            Map.entry("tune.ssl.maxrecord", JDK_TLS), Map.entry("tune.ssl.hard-maxrecord",
                    JDK_TLS),
            Map.entry("tune.ssl.ssl-ctx-cache-size", JDK_TLS),
            Map.entry("tune.ssl.capture-buffer-size", JDK_TLS),
            Map.entry("tune.ssl.capture-cipherlist-size", JDK_TLS),
            Map.entry("tune.ssl.keylog", JDK_TLS),
            Map.entry("tune.buffers.limit", OWN_SIZING), Map.entry("tune.buffers.reserve",
                    OWN_SIZING),
            Map.entry("tune.maxaccept", OWN_SIZING), Map.entry("tune.maxpollevents",
                    OWN_SIZING),
            Map.entry("tune.recv_enough", OWN_SIZING), Map.entry("tune.rcvbuf.client",
                    OWN_SIZING),
            Map.entry("tune.rcvbuf.server", OWN_SIZING), Map.entry("tune.sndbuf.client",
                    OWN_SIZING),
            Map.entry("tune.sndbuf.server", OWN_SIZING), Map.entry("tune.pipesize", OWN_SIZING),
            Map.entry("tune.idletimer", OWN_SIZING), Map.entry("tune.runqueue-depth",
                    OWN_SIZING),
            Map.entry("tune.sched.low-latency", OWN_SIZING),
            Map.entry("tune.fd.edge-triggered", OWN_SIZING),
            Map.entry("tune.listener.multi-queue", OWN_SIZING),
            Map.entry("tune.idle-pool.shared", OWN_SIZING),
            Map.entry("tune.pool-high-fd-ratio", OWN_SIZING),
            Map.entry("tune.pool-low-fd-ratio", OWN_SIZING),
            Map.entry("tune.pattern.cache-size", OWN_SIZING),
            Map.entry("tune.fail-alloc", "ignored: a debugging setting of HAProxy's allocator"),
            Map.entry("tune.http.cookielen", "ignored: bramble captures no cookies in logs"),
            Map.entry("tune.http.logurilen", "ignored: bramble logs the whole URI"),
            Map.entry("tune.comp.maxlevel", "ignored: bramble compresses at level 1, "
                    + "HAProxy's default"),
            Map.entry("tune.zlib.memlevel", "ignored: bramble's zlib (the JDK's) keeps its "
                    + "default memory level, 8, HAProxy's default too"),
            Map.entry("tune.zlib.windowsize", "ignored: bramble's zlib (the JDK's) keeps its "
                    + "default window, 15 bits, HAProxy's default too"),
            Map.entry("tune.peers.max-updates-at-once", "ignored: bramble has no peers"),
            Map.entry("tune.h2.header-table-size", "ignored: bramble does not speak HTTP/2"),
            Map.entry("tune.h2.initial-window-size", "ignored: bramble does not speak HTTP/2"),
            Map.entry("tune.h2.max-concurrent-streams", "ignored: bramble does not speak "
                    + "HTTP/2"),
            Map.entry("tune.h2.max-frame-size", "ignored: bramble does not speak HTTP/2"));
    private static final String[] NO_LUA = {"forced-yield", "maxmem", "service-timeout",
            "session-timeout", "task-timeout"};
    private static final String[] NO_VARIABLES = {"global-max-size", "proc-max-size",
            "reqres-max-size", "sess-max-size", "txn-max-size"};
    private static final String[] NO_QUIC = {"frontend.conn-tx-buffers.limit",
            "frontend.max-idle-timeout", "frontend.max-streams-bidi", "retry-threshold"};

    private TuneKeywords() {
    }

    static void register(KeywordTable<GlobalDraft> table) {
        table.keyword("tune.bufsize", TuneKeywords::bufsize)
                .keyword("tune.http.maxhdr", TuneKeywords::maxhdr)
                .keyword("tune.ssl.default-dh-param", (g, a) -> {
                    a.integer("a number of bits", 1024, 1 << 16);
                    a.end();
                    a.warning("ignored: the JDK chooses the Diffie-Hellman parameters (2048 "
                            + "bits or more)");
                });
        IGNORED.forEach(table::warnOnly);
        for (String lua : NO_LUA) {
            table.warnOnly("tune.lua." + lua, "ignored: bramble has no Lua engine");
        }
        for (String variables : NO_VARIABLES) {
            table.warnOnly("tune.vars." + variables, "ignored: bramble bounds each variable "
                    + "scope to " + io.bramble.lb.format.Variables.NAMES_PER_SCOPE_MAX
                    + " names and each value to a request head's size instead");
        }
        for (String quic : NO_QUIC) {
            table.warnOnly("tune.quic." + quic, "ignored: bramble does not speak QUIC");
        }
        table.unsupportedPrefix("tune.", "bramble sets it from docs/lb.md's list of tune.* "
                + "keywords, and this one is not there");
    }

    /** {@code tune.bufsize N}: read, and said not to change bramble's 15 KiB head limit. */
    private static void bufsize(GlobalDraft g, Args a) {
        long size = a.sizeBytes("a buffer size", 1024, BUFSIZE_MAX);
        a.end();
        String effect = size > BUFSIZE_DEFAULT
                ? "; request heads between " + HEAD_KIB + " KiB and this size, which HAProxy "
                        + "would read, get 431"
                : "";
        a.warning("ignored: bramble reads request heads of up to " + HEAD_KIB + " KiB, "
                + "HAProxy's limit with its default size" + effect);
    }

    /** {@code tune.http.maxhdr N}: only HAProxy's default, the limit bramble applies. */
    private static void maxhdr(GlobalDraft g, Args a) {
        int count = a.integer("a header count", 1, 32_767);
        a.end();
        int haproxyDefault = HEADER_LINES_MAX + 1;
        if (count != haproxyDefault) {
            throw a.fail("bramble forwards at most " + HEADER_LINES_MAX
                    + " header lines, as HAProxy does with its default of " + haproxyDefault
                    + "; another limit is not supported");
        }
        a.warning("the default; bramble applies the same limit");
    }
}
