package io.bramble.vrrp.service;

import io.bramble.common.error.UserError;
import io.bramble.common.os.LinuxException;
import io.bramble.vrrp.config.InstanceConfig;
import io.bramble.vrrp.config.VirtualAddress;
import io.bramble.vrrp.net.AdvertChannel;
import io.bramble.vrrp.net.RawAdvertChannel;
import io.bramble.vrrp.net.UdpAdvertChannel;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Map;

/**
 * Where each instance's adverts come from: its {@code unicast_src_ip}/{@code mcast_src_ip},
 * else the interface's own first IPv4 address (never one of the virtual ones, which a
 * crashed run may have left there). Instances with the same interface and source share one
 * channel.
 */
final class Sources {
    private Sources() {
    }

    static Inet4Address source(InstanceConfig instance, Backend backend) {
        if (instance.sourceAddress().isPresent()) {
            return instance.sourceAddress().get();
        }
        NetworkInterface nic;
        try {
            nic = NetworkInterface.getByName(instance.interfaceName());
        } catch (SocketException e) {
            nic = null;
        }
        if (nic == null) {
            throw UserError.runtime(instance.where() + ": vrrp_instance " + instance.name()
                    + ": interface " + instance.interfaceName() + " not found on this host",
                    null);
        }
        for (InterfaceAddress address : nic.getInterfaceAddresses()) {
            if (address.getAddress() instanceof Inet4Address ipv4 && !isVirtual(instance,
                    ipv4)) {
                return ipv4;
            }
        }
        throw UserError.runtime(instance.where() + ": vrrp_instance " + instance.name()
                + ": interface " + instance.interfaceName() + " has no IPv4 address of its "
                + "own; add one, or set unicast_src_ip", null);
    }

    static AdvertChannel channel(Map<String, AdvertChannel> channels, InstanceConfig instance,
            Inet4Address source, ServiceOptions options) {
        boolean loopback = options.backend() == Backend.LOOPBACK;
        String key = (loopback ? "udp" : instance.interfaceName()) + "/" + source
                .getHostAddress();
        AdvertChannel open = channels.get(key);
        if (open != null) {
            return open;
        }
        try {
            AdvertChannel channel = loopback
                    ? UdpAdvertChannel.open(source, options.loopbackPort())
                    : RawAdvertChannel.open(instance.interfaceName(), source);
            channels.put(key, channel);
            return channel;
        } catch (LinuxException e) {
            if (e.errno() == LinuxException.ENODEV) {
                throw UserError.runtime(instance.where() + ": interface " + instance
                        .interfaceName() + " not found on this host", e);
            }
            throw ServiceRuntime.rootNeeded(e);
        } catch (IOException e) {
            throw UserError.runtime(instance.where() + ": vrrp_instance " + instance.name()
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean isVirtual(InstanceConfig instance, Inet4Address address) {
        return instance.addresses().stream().map(VirtualAddress::address).anyMatch(
                address::equals);
    }
}
