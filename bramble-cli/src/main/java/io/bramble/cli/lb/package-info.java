/** {@code bramble lb}: reads a haproxy.cfg and runs the load balancer of bramble-lb. */
package io.bramble.cli.lb;
