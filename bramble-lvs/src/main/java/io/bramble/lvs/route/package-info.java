/**
 * DR and TUN in user space: the client's packets for a virtual address, taken from the wire
 * by an AF_PACKET socket, sent on unchanged to the real server chosen per connection, by its
 * MAC on the same segment (DR) or inside IP in IP (TUN). Owns the connection table and the
 * neighbour cache; uses the virtual services and {@code vrrp.linux}'s sockets.
 */
package io.bramble.lvs.route;
