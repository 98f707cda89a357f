/**
 * The user-space NAT director: TCP connections and UDP flows accepted on a virtual service's
 * address, relayed to the real server its {@link io.bramble.lvs.service.VirtualService}
 * chooses, replies back through the director; bounded tables and idle timeouts.
 */
package io.bramble.lvs.nat;
