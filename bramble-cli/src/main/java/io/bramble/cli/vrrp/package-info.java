/** {@code bramble vrrp}: keepalived.conf in, virtual-IP failover out; wiring only. */
package io.bramble.cli.vrrp;
