package io.bramble.vrrp.service;

import io.bramble.vrrp.core.VrrpState;
import io.bramble.vrrp.wire.DropReason;
import java.net.Inet4Address;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a running service, for status pages and tests.
 *
 * @param instances each instance, in config order
 * @param drops received packets dropped, per reason (zero counts left out)
 */
public record VrrpStatus(List<InstanceStatus> instances, Map<DropReason, Long> drops) {
    /**
     * @param name the instance
     * @param state its state now
     * @param priority its effective priority at its last state change
     * @param addresses its virtual addresses
     */
    public record InstanceStatus(String name, VrrpState state, int priority,
            List<Inet4Address> addresses) {}

    public VrrpStatus {
        instances = List.copyOf(instances);
        drops = Map.copyOf(drops);
    }
}
