package io.bramble.cluster.heartbeat;

import io.bramble.common.config.ConfigLine;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.KeywordTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What bramble takes from Heartbeat's {@code ha.cf}: the nodes ({@code node}) and whether
 * resources go back to their node ({@code auto_failback}, or the older {@code nice_failback}).
 * The directives for Heartbeat's own messaging, timing and logging are accepted with a warning
 * saying what stands for them in bramble; one that would change where resources run and that
 * bramble does not carry over ({@code ping}, {@code respawn} of ipfail, {@code stonith}) is
 * accepted with a warning saying so, since the import writes nothing that runs on its own;
 * {@code crm on} is refused, as such a cluster keeps its resources in Pacemaker's CIB.
 */
public final class HaCf {
    private static final KeywordTable<HaCf> TABLE = table();

    private final Set<String> nodes = new LinkedHashSet<>();
    private AutoFailback autoFailback = AutoFailback.ON;

    private HaCf() {
    }

    /** Reads {@code text}, the contents of {@code file}; problems go to {@code diagnostics}. */
    public static HaCf read(String file, String text, Diagnostics diagnostics) {
        HaCf read = new HaCf();
        for (ConfigLine line : HeartbeatLines.read(file, text)) {
            TABLE.dispatch(read, line, diagnostics);
        }
        return read;
    }

    /** The {@code node} names, in the order written. */
    public List<String> nodes() {
        return new ArrayList<>(nodes);
    }

    public AutoFailback autoFailback() {
        return autoFailback;
    }

    private static KeywordTable<HaCf> table() {
        KeywordTable<HaCf> t = new KeywordTable<>("ha.cf");
        t.keyword("node", (c, a) -> {
            c.nodes.add(a.next("a node name"));
            c.nodes.addAll(a.rest());
        });
        t.keyword("auto_failback", (c, a) -> {
            c.autoFailback = a.choice("on, off or legacy", AutoFailback.class);
            a.end();
        });
        t.keyword("nice_failback", (c, a) -> {
            c.autoFailback = a.choice("on or off", "on", "off").equals("on")
                    ? AutoFailback.OFF
                    : AutoFailback.ON;
            a.end();
        });
        t.keyword("crm", HaCf::crm);
        t.keyword("pacemaker", HaCf::crm);
        String membership = "ignored: bramble's pool finds its members and notices a lost one "
                + "by itself (run 'bramble pool create' and 'bramble peer probe' on the nodes)";
        for (String messaging : List.of("keepalive", "deadtime", "deadping", "warntime",
                "initdead", "udpport", "bcast", "mcast", "mcast6", "ucast", "serial", "baud",
                "autojoin", "hopfudge", "uuidfrom", "max_rexmit_delay", "msgfmt",
                "compression", "compression_threshold", "traditional_compression")) {
            t.warnOnly(messaging, membership);
        }
        String logging = "ignored: 'bramble node' writes its log to standard output, for the "
                + "journal";
        for (String log : List.of("logfile", "debugfile", "logfacility", "use_logd",
                "conn_logd_time", "debug", "coredumps")) {
            t.warnOnly(log, logging);
        }
        for (String process : List.of("realtime", "rtprio", "memreserve", "apiauth",
                "generation_method", "record_config_changes", "record_pengine_inputs",
                "enable_config_writes")) {
            t.warnOnly(process, "ignored: it tunes Heartbeat's own daemon");
        }
        t.warnOnly("watchdog", "ignored: a bramble node whose lease runs out stops its "
                + "resources itself, the watchdog's job");
        String placement = "not carried over: bramble does not move resources on what a ping "
                + "reaches (ipfail); they move when their node is lost";
        t.warnOnly("ping", placement);
        t.warnOnly("ping_group", placement);
        t.warnOnly("hbaping", placement);
        t.warnOnly("respawn", "not carried over: bramble starts no programs of Heartbeat's "
                + "(ipfail's job is not done, see 'ping')");
        String fencing = "not carried over: make a fence device with 'bramble stonith create'";
        t.warnOnly("stonith", fencing);
        t.warnOnly("stonith_host", fencing);
        t.unsupported("quorum_server", "bramble's pool gives quorum, with a witness for two "
                + "nodes");
        return t;
    }

    private static void crm(HaCf c, io.bramble.common.config.Args a) {
        String value = a.next("on, off, yes, no or respawn");
        a.end();
        if (List.of("on", "yes", "respawn", "true").contains(value)) {
            a.error("this cluster keeps its resources in Pacemaker's CIB, not in haresources: "
                    + "save it with 'cibadmin --query > cib.xml' and read it with "
                    + "'bramble cluster status -f cib.xml'");
        }
    }
}
