/**
 * Virtual-IP failover with real processes in namespace labs: bramble against bramble, and
 * bramble against Debian's keepalived in the same virtual router.
 */
package io.bramble.it.vrrp;
