package io.bramble.cluster.policy;

/**
 * One operation the cluster carries out on a node, in the order a transition lists them.
 *
 * @param operation {@code start}, {@code stop} or {@code monitor}
 * @param resource the primitive
 * @param node where it runs
 * @param intervalMs a recurring monitor's interval; 0 for start and stop
 */
public record Action(String operation, String resource, String node, long intervalMs) {
    /** {@code r1 start on n2}, {@code r1 monitor=10000 on n2}, as crm_simulate prints them. */
    @Override
    public String toString() {
        String op = intervalMs > 0 ? operation + "=" + intervalMs : operation;
        return resource + " " + op + " on " + node;
    }
}
