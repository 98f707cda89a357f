/**
 * The resource manager: Pacemaker's model in its users' words (resources, groups,
 * constraints, stickiness, fail counts, standby, quorum policy), a pure policy engine that
 * turns cluster state into a placement and ordered actions, the resource agents that carry
 * the actions out, and the {@code pcs} grammar.
 */
package io.bramble.cluster;
