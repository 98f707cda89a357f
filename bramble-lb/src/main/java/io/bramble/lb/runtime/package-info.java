/**
 * The runtime API: HAProxy's text protocol on the {@code stats socket} (unix or TCP), so
 * {@code socat} and existing scripts can read statistics and take servers in and out of
 * rotation. Commands are parsed and answered here; the load balancer is reached only through
 * {@link io.bramble.lb.runtime.RuntimeTarget}.
 */
package io.bramble.lb.runtime;
