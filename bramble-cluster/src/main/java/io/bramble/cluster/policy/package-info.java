/**
 * The policy engine: from a {@link io.bramble.cluster.model.Cluster} and the current time to a
 * {@link io.bramble.cluster.policy.Transition} (placement, changes, ordered actions), by
 * Pacemaker's rules. Pure: no clocks, threads or I/O.
 */
package io.bramble.cluster.policy;
