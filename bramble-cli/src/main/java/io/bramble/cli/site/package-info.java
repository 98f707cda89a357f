/**
 * {@code bramble lb --vrrp keepalived.conf}: the load balancer and VRRP in one process. Binds
 * the balancer's listeners on a virtual address while VRRP holds it, and keeps VRRP from
 * taking an address while the balancer has no healthy server behind it; wiring only.
 */
package io.bramble.cli.site;
