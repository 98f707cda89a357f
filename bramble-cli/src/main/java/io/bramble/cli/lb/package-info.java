/**
 * {@code bramble lb}: runs, checks and reloads the load balancer of
 * {@link io.bramble.lb.reload.LbService}; wiring only.
 */
package io.bramble.cli.lb;
