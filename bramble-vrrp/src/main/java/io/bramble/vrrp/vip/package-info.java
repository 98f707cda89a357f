/**
 * Holding a virtual address: the {@code linux} backend puts it on an interface (netlink, or
 * the {@code ip} command as a fallback) and announces it with gratuitous ARPs; the
 * {@code loopback} backend only checks it is a 127.x address, where holding it means that
 * the listeners registered for it are bound.
 */
package io.bramble.vrrp.vip;
