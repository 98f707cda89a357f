package io.bramble.vrrp.service;

import java.net.Inet4Address;

/**
 * Told when this node takes or gives up a virtual address, such as a load balancer that
 * binds its listeners on the address only while it holds it. Called from the VRRP event
 * loop, in order; keep it short (bind or close sockets, no waiting on the network). With the
 * loopback backend, holding an address means exactly this.
 */
public interface VipListener {
    /** The address is now ours: bind what serves on it. */
    void acquired(Inet4Address address);

    /** The address is no longer ours (or bramble stops): close what was bound on it. */
    void released(Inet4Address address);
}
