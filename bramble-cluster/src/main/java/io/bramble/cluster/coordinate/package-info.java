/**
 * The coordinator (the role Pacemaker's DC plays) and its node-side counterpart: from the pool's
 * majority, the configuration and the recorded results to instructions for nodes, and the
 * leases that keep a resource from running on two nodes without fencing hardware. Pure: time
 * comes from an injected clock, messages go out as returned commands.
 */
package io.bramble.cluster.coordinate;
