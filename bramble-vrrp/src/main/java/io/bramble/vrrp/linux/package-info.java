/**
 * The Linux calls the JDK lacks, through the FFM API: raw IP sockets for protocol 112,
 * multicast options, netlink for addresses and AF_PACKET for gratuitous ARP. Each class owns
 * one kind of descriptor and closes it; errors carry errno.
 */
package io.bramble.vrrp.linux;
