package io.bramble.cluster.model;

/**
 * The cluster options ({@code crm_config}) the scheduler reads.
 *
 * @param stonithEnabled whether fencing is enabled; without a fence device every resource is
 *     then left unmanaged, as in Pacemaker ({@link Cluster#fences})
 * @param noQuorumPolicy what a partition without quorum does
 * @param symmetricCluster whether resources may run anywhere unless a constraint says
 *     otherwise; when false, only where a location constraint gives a score of 0 or more
 * @param recheckIntervalMs {@code cluster-recheck-interval}: how often failure timeouts and
 *     similar time-based changes are looked at again (0 disables)
 * @param startFailureIsFatal whether a failed start sets the fail count to INFINITY
 */
public record ClusterProperties(boolean stonithEnabled, NoQuorumPolicy noQuorumPolicy,
        boolean symmetricCluster, long recheckIntervalMs, boolean startFailureIsFatal) {

    /** Pacemaker 2.1's defaults. */
    public static final ClusterProperties DEFAULTS = new ClusterProperties(true,
            NoQuorumPolicy.STOP, true, 15 * 60_000L, true);

    public ClusterProperties {
        if (noQuorumPolicy == null) {
            throw new IllegalArgumentException("a no-quorum-policy is required");
        }
    }
}
