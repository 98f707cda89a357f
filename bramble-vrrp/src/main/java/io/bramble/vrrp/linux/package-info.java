/**
 * The Linux calls the JDK lacks, through the FFM API: raw IP sockets for protocol 112,
 * multicast options, netlink for addresses and AF_PACKET for gratuitous ARP; for the LVS
 * director's DR and TUN, AF_PACKET frames, IP-in-IP and sockets silenced by a filter. Each
 * class owns one kind of descriptor and closes it; errors carry errno.
 */
package io.bramble.vrrp.linux;
