/**
 * {@code bramble lb}: reads a haproxy.cfg and runs, checks or reloads the load balancer of
 * bramble-lb ({@link io.bramble.lb.reload.LbService}); wiring only.
 */
package io.bramble.cli.lb;
