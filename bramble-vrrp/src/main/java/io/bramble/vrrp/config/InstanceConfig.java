package io.bramble.vrrp.config;

import io.bramble.common.config.Location;
import io.bramble.vrrp.core.VrrpVersion;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * A {@code vrrp_instance}, with defaults applied.
 *
 * @param name the block's name ({@code VI_1})
 * @param state the configured initial state
 * @param interfaceName {@code interface}: where adverts go and addresses are put
 * @param virtualRouterId {@code virtual_router_id}, 1 to 255
 * @param priority {@code priority}, 1 to 255 (keepalived's default is 100)
 * @param version {@code version} or {@code vrrp_version}
 * @param advertIntervalMs {@code advert_int}; 100 ms for version 3 and 1 s for version 2
 *        when not written (see docs/vrrp.md)
 * @param preempt false with {@code nopreempt}
 * @param preemptDelayMs {@code preempt_delay}
 * @param password {@code authentication { auth_type PASS; auth_pass ... }}, version 2 only;
 *        empty for none
 * @param addresses {@code virtual_ipaddress}
 * @param sourceAddress {@code unicast_src_ip} or {@code mcast_src_ip}; empty: the
 *        interface's first IPv4 address
 * @param unicastPeers {@code unicast_peer}; empty: multicast to 224.0.0.18
 * @param scripts {@code track_script}
 * @param interfaces {@code track_interface}
 * @param trackOwnInterface false with {@code dont_track_primary}
 * @param notifyScripts the notify commands
 * @param garpMasterDelayMs {@code garp_master_delay} or the global default
 * @param garpMasterRepeat {@code garp_master_repeat} or the global default
 * @param where the {@code vrrp_instance} line
 */
public record InstanceConfig(String name, InitialState state, String interfaceName,
        int virtualRouterId, int priority, VrrpVersion version, int advertIntervalMs,
        boolean preempt, long preemptDelayMs, String password, List<VirtualAddress> addresses,
        Optional<Inet4Address> sourceAddress, List<Inet4Address> unicastPeers,
        List<TrackedScript> scripts, List<TrackedInterface> interfaces,
        boolean trackOwnInterface, NotifyScripts notifyScripts, long garpMasterDelayMs,
        int garpMasterRepeat, Location where) {
    public static final int PRIORITY_DEFAULT = 100;
    /** bramble's default with VRRP 3: a silent master is replaced in about 0.36 s. */
    public static final int V3_ADVERT_INTERVAL_MS_DEFAULT = 100;
    /** keepalived's default, the only choice for VRRP 2 below 2 s. */
    public static final int V2_ADVERT_INTERVAL_MS_DEFAULT = 1_000;

    public InstanceConfig {
        addresses = List.copyOf(addresses);
        unicastPeers = List.copyOf(unicastPeers);
        scripts = List.copyOf(scripts);
        interfaces = List.copyOf(interfaces);
    }

    /** True when adverts go to the unicast peers rather than the multicast group. */
    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }
}
