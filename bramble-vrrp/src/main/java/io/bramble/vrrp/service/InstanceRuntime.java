package io.bramble.vrrp.service;

import io.bramble.vrrp.config.InstanceConfig;
import io.bramble.vrrp.config.VirtualAddress;
import io.bramble.vrrp.core.InstanceSettings;
import io.bramble.vrrp.core.VrrpState;
import io.bramble.vrrp.net.AdvertChannel;
import io.bramble.vrrp.wire.VrrpCodec;
import io.bramble.vrrp.wire.VrrpPacket;
import java.io.IOException;
import java.net.Inet4Address;
import java.util.List;

/** One instance at run time: its config, its core settings, the channel its adverts use. */
final class InstanceRuntime {
    final InstanceConfig config;
    final InstanceSettings settings;
    final AdvertChannel channel;
    /** Written by the event loop, read by status and the gratuitous-ARP thread. */
    volatile VrrpState state = VrrpState.INITIALIZE;
    volatile int priority;

    InstanceRuntime(InstanceConfig config, InstanceSettings settings, AdvertChannel channel) {
        this.config = config;
        this.settings = settings;
        this.channel = channel;
        this.priority = settings.priority();
    }

    String name() {
        return config.name();
    }

    List<Inet4Address> addresses() {
        return config.addresses().stream().map(VirtualAddress::address).toList();
    }

    /** Sends one advert to the group or to every unicast peer. */
    void advertise(int advertPriority, int intervalMs) throws IOException {
        VrrpPacket packet = new VrrpPacket(config.version(), config.virtualRouterId(),
                advertPriority, intervalMs, addresses(), config.password());
        Inet4Address source = channel.source();
        if (!config.unicast()) {
            channel.send(VrrpCodec.encode(packet, source, VrrpCodec.GROUP), VrrpCodec.GROUP);
            return;
        }
        IOException failure = null;
        for (Inet4Address peer : config.unicastPeers()) {
            try {
                // Version 3's checksum covers the destination: one encoding per peer.
                channel.send(VrrpCodec.encode(packet, source, peer), peer);
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether an advert from {@code source} to {@code destination} is for this instance. */
    boolean accepts(Inet4Address source, Inet4Address destination) {
        if (config.unicast()) {
            return !destination.isMulticastAddress() && config.unicastPeers().contains(source);
        }
        return destination.isMulticastAddress();
    }
}
