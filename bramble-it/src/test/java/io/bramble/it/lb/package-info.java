/**
 * The load balancer in production, with real {@code bramble lb} and {@code bramble web}
 * processes: the runtime API over socat, reloads under load, TLS termination, limits.
 */
package io.bramble.it.lb;
