package io.bramble.cluster.cib;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.FailedAction;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Operation;
import io.bramble.cluster.model.Primitive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes one node's {@code node_state}: membership, resource history, fail counts. */
final class StatusWriter {
    /** A transition key of the form Pacemaker's simulator writes for history it made up. */
    private static final String KEY_UUID = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    /** Call ids are ints in Pacemaker; a resource's later operations count on from its last. */
    private static final int CALL_MAX = Integer.MAX_VALUE - 1_000;

    private StatusWriter() {
    }

    static void nodeState(Xml x, Cluster cluster, Node n) {
        if (n.online()) {
            x.open("node_state", "id", n.id(), "uname", n.name(), "in_ccm", "true",
                    "crmd", "online", "join", "member", "expected", "member");
        } else {
            x.open("node_state", "id", n.id(), "uname", n.name(), "in_ccm", "false",
                    "crmd", "offline", "join", "down", "expected", "down");
        }
        x.open("lrm", "id", n.id()).open("lrm_resources");
        if (n.online()) {
            for (Primitive p : cluster.primitives()) {
                List<FailedAction> failed = cluster.status().failedActions().stream()
                        .filter(a -> a.resource().equals(p.id()) && a.node().equals(n.name()))
                        .toList();
                if (n.name().equals(cluster.status().running().get(p.id()))) {
                    history(x, p, failed);
                } else if (!failed.isEmpty()) {
                    stopped(x, p, failed);
                }
            }
        }
        x.close("lrm_resources").close("lrm");
        Map<String, String> failures = new LinkedHashMap<>();
        for (FailCount f : cluster.status().failCounts()) {
            if (f.node().equals(n.name())) {
                failures.put(CibWriter.failAttribute("fail-count-", f),
                        io.bramble.cluster.model.Score.format(f.count()));
                failures.put(CibWriter.failAttribute("last-failure-", f),
                        Long.toString(f.lastFailureEpochSeconds()));
            }
        }
        if (!failures.isEmpty()) {
            x.open("transient_attributes", "id", n.id());
            CibWriter.nameValues(x, "instance_attributes", "status-" + n.id(), failures);
            x.close("transient_attributes");
        }
        x.close("node_state");
    }

    /**
     * A running resource's history: its failures on the node (each before what followed it), the
     * start, then its recurring monitors.
     */
    private static void history(Xml x, Primitive p, List<FailedAction> failed) {
        CibWriter.openWithAgent(x, "lrm_resource", p);
        int call = failures(x, p, failed);
        operation(x, p, p.id() + "_last_0", "start", 0, call++, digest(p, List.of()));
        for (Operation op : p.recurringOperations()) {
            List<String> meta = op.timeoutMs().isPresent()
                    ? List.of("CRM_meta_timeout", Long.toString(op.timeoutMs().getAsLong()))
                    : List.of();
            operation(x, p, p.id() + "_" + op.key(), op.name(), op.intervalMs(), call++,
                    digest(p, meta));
        }
        x.close("lrm_resource");
    }

    /** A resource that failed on the node and was stopped there since. */
    private static void stopped(Xml x, Primitive p, List<FailedAction> failed) {
        CibWriter.openWithAgent(x, "lrm_resource", p);
        int call = failures(x, p, failed);
        operation(x, p, p.id() + "_last_0", "stop", 0, call, digest(p, List.of()));
        x.close("lrm_resource");
    }

    /**
     * Pacemaker keeps one last failure a resource and node ({@code RSC_last_failure_0}): the
     * latest of {@code failed}. Written first, it is history the later operations followed.
     *
     * @return the next call id
     */
    private static int failures(Xml x, Primitive p, List<FailedAction> failed) {
        if (failed.isEmpty()) {
            return 1;
        }
        FailedAction a = failed.stream().max(java.util.Comparator.comparingLong(
                FailedAction::epochSeconds)).orElseThrow();
        long call = Math.max(1, a.callId());
        String key = call + ":-1:0:" + KEY_UUID;
        List<String> attributes = new java.util.ArrayList<>(List.of("id", p.id()
                + "_last_failure_0", "operation_key", p.id() + "_" + a.operationKey(),
                "operation", a.operation(), "transition-key", key, "transition-magic", a
                        .execStatus() + ":" + a.rc() + ";" + key,
                "exit-reason", a.exitReason(),
                "call-id", Long.toString(call), "rc-code", Integer.toString(a.rc()),
                "op-status", Integer.toString(a.execStatus()), "interval", Long.toString(a
                        .intervalMs())));
        if (a.epochSeconds() > 0) { // 0: not known; crm_mon shows no time without it
            attributes.addAll(List.of("last-rc-change", Long.toString(a.epochSeconds())));
        }
        if (a.execMs() != FailedAction.UNKNOWN) {
            attributes.addAll(List.of("exec-time", Long.toString(a.execMs())));
        }
        if (a.queueMs() != FailedAction.UNKNOWN) {
            attributes.addAll(List.of("queue-time", Long.toString(a.queueMs())));
        }
        attributes.addAll(List.of("op-digest", digest(p, List.of())));
        x.empty("lrm_rsc_op", attributes.toArray(String[]::new));
        return (int) Math.min(CALL_MAX, call + 1); // what followed the failure came after it
    }

    private static void operation(Xml x, Primitive p, String id, String name, long intervalMs,
            int call, String digest) {
        String key = call + ":-1:0:" + KEY_UUID;
        x.empty("lrm_rsc_op", "id", id, "operation_key", p.id() + "_" + name + "_" + intervalMs,
                "operation", name, "transition-key", key, "transition-magic", "0:0;" + key,
                "call-id", Integer.toString(call), "rc-code", "0", "op-status", "0",
                "interval", Long.toString(intervalMs), "op-digest", digest);
    }

    /**
     * Pacemaker's digest of an operation's parameters: MD5 of {@code " <parameters …/>\n"}
     * with the agent's parameters and {@code extra} name/value pairs, sorted by name.
     */
    static String digest(Primitive p, List<String> extra) {
        Map<String, String> all = new TreeMap<>(p.instanceAttributes());
        for (int i = 0; i + 1 < extra.size(); i += 2) {
            all.put(extra.get(i), extra.get(i + 1));
        }
        StringBuilder text = new StringBuilder(" <parameters");
        all.forEach((k, v) -> text.append(' ').append(k).append("=\"").append(Xml.escape(v))
                .append('"'));
        text.append("/>\n");
        try {
            byte[] md5 = MessageDigest.getInstance("MD5")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
