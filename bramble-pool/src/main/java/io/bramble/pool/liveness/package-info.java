/**
 * Whether each member is reachable: the pure {@link io.bramble.pool.liveness.Liveness} state
 * machine, fed with heartbeats, lost connections and clock ticks. No sockets, no threads.
 */
package io.bramble.pool.liveness;
