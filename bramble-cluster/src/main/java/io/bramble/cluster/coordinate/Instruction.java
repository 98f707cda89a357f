package io.bramble.cluster.coordinate;

import io.bramble.common.check.Checks;

/**
 * One action the coordinator asks of a node. A node carries out an instruction only when its
 * session is not older than the node's, and for a resource only when its id is higher than any
 * it carried out for that resource before: a late or repeated message never undoes a newer one.
 *
 * @param id unique and increasing: a coordinator's epoch in the high bits, a count in the low
 * @param session the node's session with the coordinator that sent it
 * @param node where it runs
 * @param resource the primitive
 * @param operation {@code start}, {@code stop} or {@code monitor}
 * @param intervalMs a recurring monitor's interval; 0 for the rest, and for a probe
 * @param timeoutMs how long the action may take
 */
public record Instruction(long id, long session, String node, String resource, String operation,
        long intervalMs, long timeoutMs) {
    public Instruction {
        Checks.argument(node != null && resource != null && operation != null,
                "an instruction needs a node, a resource and an operation");
        Checks.argument(intervalMs >= 0 && timeoutMs > 0, "interval and timeout in range");
    }

    /** A one-off monitor: asks whether the resource runs on the node. */
    public boolean isProbe() {
        return operation.equals("monitor") && intervalMs == 0;
    }

    @Override
    public String toString() {
        String op = intervalMs > 0 ? operation + "=" + intervalMs : operation;
        return "#" + id + " " + resource + " " + op + " on " + node;
    }
}
