package io.bramble.cluster.cib;

import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.FailedAction;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Score;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code <status>}: which nodes are members, what each online node's resource history
 * says runs there, the fail counts in its transient attributes, and each resource's last
 * failure on the node ({@code RSC_last_failure_0}) when later operations followed it. Any
 * other failed operation in the history, and a last failure nothing followed (a resource whose
 * last operation failed, not yet recovered: Pacemaker shows it FAILED and recovers it), is not
 * supported.
 */
final class StatusReader {
    private static final Set<String> NODE_STATE_ATTRIBUTES = Set.of("id", "uname", "in_ccm",
            "crmd", "join", "expected", "crm-debug-origin");
    private static final String FAIL_COUNT = "fail-count-";
    /** The largest exit code a process has. */
    private static final int RC_MAX = 255;
    private static final String LAST_FAILURE = "last-failure-";

    /** Online flags by node id, running primitives' nodes, fail counts, last failures. */
    record Status(Map<String, Boolean> online, Map<String, String> running,
            List<FailCount> failCounts, List<FailedAction> failedActions,
            Map<String, Set<String>> history) {}

    private StatusReader() {
    }

    static Status read(Optional<XmlElement> status, Map<String, String> namesById,
            CibProblems problems) {
        Map<String, Boolean> online = new LinkedHashMap<>();
        Map<String, String> running = new LinkedHashMap<>();
        List<FailCount> failCounts = new ArrayList<>();
        List<FailedAction> failed = new ArrayList<>();
        Map<String, Set<String>> history = new LinkedHashMap<>();
        if (status.isEmpty()) {
            return new Status(online, running, failCounts, failed, history);
        }
        problems.onlyChildren(status.get(), Set.of("node_state"));
        for (XmlElement state : status.get().children("node_state")) {
            problems.onlyAttributes(state, NODE_STATE_ATTRIBUTES);
            problems.onlyChildren(state, Set.of("lrm", "transient_attributes"));
            Optional<String> id = problems.required(state, "id");
            String name = id.map(namesById::get).orElse(null);
            if (id.isPresent() && name == null) {
                problems.error(state, "node id " + id.get() + " is not in <nodes>");
            }
            if (name == null) {
                continue;
            }
            boolean up = isOnline(state);
            online.put(id.get(), up);
            if (up) {
                state.children("lrm").forEach(lrm -> history(lrm, name, running, failed,
                        problems, history.computeIfAbsent(name, n -> new LinkedHashSet<>())));
            }
            state.children("transient_attributes")
                    .forEach(t -> failCounts.addAll(failures(t, name, problems)));
        }
        return new Status(online, running, failCounts, failed, history);
    }

    /** A member of the partition whose controller has joined: Pacemaker's online node. */
    private static boolean isOnline(XmlElement state) {
        String inCcm = state.attribute("in_ccm").orElse("false");
        boolean member = inCcm.equals("true") || inCcm.equals("yes") || inCcm.equals("1")
                || inCcm.matches("[1-9]\\d*");
        return member && state.attribute("crmd").orElse("").equals("online")
                && state.attribute("join").orElse("").equals("member");
    }

    private static void history(XmlElement lrm, String node, Map<String, String> running,
            List<FailedAction> failed, CibProblems problems, Set<String> known) {
        problems.onlyChildren(lrm, Set.of("lrm_resources"));
        for (XmlElement resources : lrm.children("lrm_resources")) {
            problems.onlyChildren(resources, Set.of("lrm_resource"));
            for (XmlElement resource : resources.children("lrm_resource")) {
                problems.onlyAttributes(resource, Set.of("id", "class", "provider", "type"));
                problems.onlyChildren(resource, Set.of("lrm_rsc_op"));
                Optional<String> id = problems.required(resource, "id");
                id.flatMap(r -> lastFailure(resource, r, node, problems)).ifPresent(failed::add);
                if (id.isPresent() && !resource.children("lrm_rsc_op").isEmpty()) {
                    known.add(id.get());
                }
                if (id.isPresent() && lastOperationRuns(resource, problems)) {
                    String other = running.putIfAbsent(id.get(), node);
                    if (other != null) {
                        problems.error(resource, id.get() + " is active on " + other + " and "
                                + node + ": a resource active on several nodes is not"
                                + " supported (clean it up first)");
                    }
                }
            }
        }
    }

    /**
     * The resource's last failure on the node, Pacemaker's {@code RSC_last_failure_0}: history
     * the operations after it followed, so it says nothing of where the resource runs.
     */
    private static Optional<FailedAction> lastFailure(XmlElement resource, String id,
            String node, CibProblems problems) {
        for (XmlElement op : resource.children("lrm_rsc_op")) {
            if (!isLastFailure(op)) {
                continue;
            }
            String operation = op.attribute("operation").orElse("");
            String status = op.attribute("op-status").orElse("0");
            if (op.attribute("call-id").isPresent() && resource.children("lrm_rsc_op").stream()
                    .filter(other -> !isLastFailure(other))
                    .noneMatch(other -> callId(other) > callId(op))) {
                problems.error(op, "a last failure that no later operation followed (a failure"
                        + " not yet recovered) is not supported: give the history as it is"
                        + " after the recovery, or without the failure once it is cleaned up");
                return Optional.empty();
            }
            if (operation.isEmpty() || !status.matches("0|[2-9]|10")) {
                problems.error(op, "a last failure with operation '" + operation
                        + "' and op-status " + status + " is not supported");
                return Optional.empty();
            }
            try {
                long rc = number(op, "rc-code");
                if (rc > RC_MAX) {
                    throw new IllegalArgumentException("rc-code=\"" + rc + "\"");
                }
                return Optional.of(new FailedAction(id, node, operation, number(op, "interval"),
                        (int) rc, Integer.parseInt(status), op.attribute(
                                "exit-reason").orElse(""),
                        number(op, "last-rc-change"),
                        numberOrUnknown(op, "exec-time"), numberOrUnknown(op, "queue-time"),
                        numberOrUnknown(op, "call-id")));
            } catch (IllegalArgumentException e) {
                problems.error(op, "a last failure with a number out of range is not supported: "
                        + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isLastFailure(XmlElement op) {
        return op.attribute("id").orElse("").endsWith("_last_failure_0");
    }

    /** A whole number of at most 18 digits, {@link FailedAction#UNKNOWN} when absent. */
    private static long numberOrUnknown(XmlElement op, String attribute) {
        return op.attribute(attribute).isPresent()
                ? number(op, attribute)
                : FailedAction.UNKNOWN;
    }

    /** A whole number of at most 18 digits, 0 when the attribute is absent. */
    private static long number(XmlElement op, String attribute) {
        String text = op.attribute(attribute).orElse("0");
        return parseLong(text).orElseThrow(() -> new IllegalArgumentException(attribute
                + "=\"" + text + "\""));
    }

    /** Whether the last one-off operation leaves the resource running. */
    private static boolean lastOperationRuns(XmlElement resource, CibProblems problems) {
        List<XmlElement> ops = new ArrayList<>(resource.children("lrm_rsc_op"));
        ops.removeIf(StatusReader::isLastFailure);
        boolean ok = true;
        for (XmlElement op : ops) {
            ok &= succeeded(op, problems);
        }
        ops.removeIf(op -> !op.attribute("interval").orElse("0").equals("0"));
        ops.sort(Comparator.comparingLong(StatusReader::callId));
        if (!ok || ops.isEmpty()) {
            return false;
        }
        XmlElement last = ops.getLast();
        String operation = last.attribute("operation").orElse("");
        String rc = last.attribute("rc-code").orElse("0");
        return switch (operation) {
            case "start", "migrate_from" -> true;
            case "monitor" -> rc.equals("0");
            default -> false;
        };
    }

    private static boolean succeeded(XmlElement op, CibProblems problems) {
        String operation = op.attribute("operation").orElse("");
        String rc = op.attribute("rc-code").orElse("0");
        String status = op.attribute("op-status").orElse("0");
        boolean probe = operation.equals("monitor")
                && op.attribute("interval").orElse("0").equals("0");
        if (status.equals("0") && (rc.equals("0") || probe && rc.equals("7"))) {
            return true;
        }
        problems.error(op, "operation " + operation + " with rc-code " + rc + " and op-status "
                + status + " is not supported: bramble reads a resource's history as its"
                + " successful operations and its last failure (RSC_last_failure_0); give"
                + " failures as that and fail-count and last-failure attributes");
        return false;
    }

    private static long callId(XmlElement op) {
        try {
            return Long.parseLong(op.attribute("call-id").orElse("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<FailCount> failures(XmlElement transient_, String node,
            CibProblems problems) {
        Map<String, String> counts = new LinkedHashMap<>();
        Map<String, String> lasts = new LinkedHashMap<>();
        problems.onlyChildren(transient_, Set.of("instance_attributes"));
        for (var pair : NameValues.read(transient_, "instance_attributes", problems).entrySet()) {
            String name = pair.getKey();
            if (name.startsWith(FAIL_COUNT)) {
                counts.put(name.substring(FAIL_COUNT.length()), pair.getValue());
            } else if (name.startsWith(LAST_FAILURE)) {
                lasts.put(name.substring(LAST_FAILURE.length()), pair.getValue());
            } else {
                problems.error(transient_, "node attribute " + name + " is not supported");
            }
        }
        List<FailCount> out = new ArrayList<>();
        counts.forEach((key, value) -> failCount(transient_, node, key, value, lasts.get(key),
                problems).ifPresent(out::add));
        return out;
    }

    private static Optional<FailCount> failCount(XmlElement at, String node, String key,
            String count, String last, CibProblems problems) {
        int hash = key.indexOf('#');
        String resource = hash < 0 ? key : key.substring(0, hash);
        String operation = hash < 0 ? "" : key.substring(hash + 1);
        Optional<Integer> n = Score.parse(count).filter(c -> c >= 0);
        Optional<Long> when = last == null ? Optional.of(0L) : parseLong(last);
        if (n.isEmpty() || when.isEmpty()) {
            problems.error(at, "fail count of " + key + " must be a count and its last failure"
                    + " seconds since the epoch, got " + count + " and " + last);
            return Optional.empty();
        }
        return Optional.of(new FailCount(resource, node, operation, n.get(), when.get()));
    }

    private static Optional<Long> parseLong(String text) {
        return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }
}
