package io.bramble.vrrp.service;

/** How virtual addresses are held and adverts travel. */
public enum Backend {
    /**
     * Real interfaces: adverts over IP protocol 112 (multicast 224.0.0.18 or unicast peers),
     * addresses added with netlink, gratuitous ARPs. Needs root. The default.
     */
    LINUX,
    /**
     * One machine without root: virtual addresses are 127.x, adverts go over UDP between the
     * instances' {@code unicast_src_ip} and {@code unicast_peer} addresses, and holding an
     * address means binding the listeners registered for it.
     */
    LOOPBACK
}
