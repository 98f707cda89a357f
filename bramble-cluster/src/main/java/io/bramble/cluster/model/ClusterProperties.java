package io.bramble.cluster.model;

import java.util.List;

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
 * @param stonithAction {@code stonith-action}: what fencing a node does, {@code reboot} or
 *     {@code off}
 * @param stonithTimeoutMs {@code stonith-timeout}: how long a fence device may take, unless
 *     the device's own {@code pcmk_ACTION_timeout} says otherwise
 */
public record ClusterProperties(boolean stonithEnabled, NoQuorumPolicy noQuorumPolicy,
        boolean symmetricCluster, long recheckIntervalMs, boolean startFailureIsFatal,
        String stonithAction, long stonithTimeoutMs) {
    /** The actions {@code stonith-action} may name. */
    public static final List<String> STONITH_ACTIONS = List.of("reboot", "off");
    public static final String STONITH_ACTION_DEFAULT = "reboot";
    public static final long STONITH_TIMEOUT_MS_DEFAULT = 60_000;

    /** Pacemaker 2.1's defaults. */
    public static final ClusterProperties DEFAULTS = new ClusterProperties(true,
            NoQuorumPolicy.STOP, true, 15 * 60_000L, true);

    public ClusterProperties {
        if (noQuorumPolicy == null) {
            throw new IllegalArgumentException("a no-quorum-policy is required");
        }
        if (!STONITH_ACTIONS.contains(stonithAction)) {
            throw new IllegalArgumentException("stonith-action must be one of "
                    + STONITH_ACTIONS + ", got " + stonithAction);
        }
        if (stonithTimeoutMs <= 0) {
            throw new IllegalArgumentException("stonith-timeout must be above 0");
        }
    }

    /** Options with Pacemaker's fencing defaults: reboot, 60 s. */
    public ClusterProperties(boolean stonithEnabled, NoQuorumPolicy noQuorumPolicy,
            boolean symmetricCluster, long recheckIntervalMs, boolean startFailureIsFatal) {
        this(stonithEnabled, noQuorumPolicy, symmetricCluster, recheckIntervalMs,
                startFailureIsFatal, STONITH_ACTION_DEFAULT, STONITH_TIMEOUT_MS_DEFAULT);
    }
}
