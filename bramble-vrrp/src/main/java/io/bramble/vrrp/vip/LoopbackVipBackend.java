package io.bramble.vrrp.vip;

import io.bramble.vrrp.config.VirtualAddress;
import java.util.HashSet;
import java.util.Set;

/**
 * Virtual addresses on one machine without root. Linux answers for all of 127.0.0.0/8 on
 * {@code lo} already, so nothing changes in the kernel: an instance holds an address when the
 * listeners registered for it (a load balancer's) are bound, which the service does on
 * {@code AddVips}. This backend keeps the set held and refuses addresses outside 127/8.
 */
public final class LoopbackVipBackend implements VipBackend {
    private final Set<VirtualAddress> held = new HashSet<>();

    /** Fails naming the address when it cannot work without root. */
    public static void check(VirtualAddress address) {
        if (!address.address().isLoopbackAddress()) {
            throw new IllegalArgumentException("the loopback backend needs 127.x virtual "
                    + "addresses, got " + address.address().getHostAddress());
        }
    }

    @Override
    public synchronized boolean add(VirtualAddress address) {
        check(address);
        return held.add(address);
    }

    @Override
    public synchronized boolean remove(VirtualAddress address) {
        return held.remove(address);
    }

    /** Nothing to announce: no other machine caches where a loopback address lives. */
    @Override
    public void announce(VirtualAddress address) {
    }

    @Override
    public String describe() {
        return "loopback (127.x addresses, no root)";
    }

    @Override
    public synchronized void close() {
        held.clear();
    }
}
