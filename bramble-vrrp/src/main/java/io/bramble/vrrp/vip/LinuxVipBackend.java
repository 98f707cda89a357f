package io.bramble.vrrp.vip;

import io.bramble.common.os.LinuxException;
import io.bramble.vrrp.config.VirtualAddress;
import io.bramble.vrrp.linux.ArpAnnouncer;
import io.bramble.vrrp.linux.NetlinkAddresses;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual addresses on real interfaces: netlink when it opens (the {@code ip} command when it
 * does not), gratuitous ARPs through AF_PACKET. Needs root (CAP_NET_ADMIN, CAP_NET_RAW).
 */
public final class LinuxVipBackend implements VipBackend {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxVipBackend.class);

    private final AddressTool tool;
    private final Map<String, ArpAnnouncer> announcers = new HashMap<>();

    LinuxVipBackend(AddressTool tool) {
        this.tool = tool;
    }

    /** Opens netlink, falling back to the {@code ip} command when netlink cannot be used. */
    public static LinuxVipBackend open() throws LinuxException {
        try {
            return new LinuxVipBackend(new NetlinkTool(NetlinkAddresses.open()));
        } catch (LinuxException e) {
            if (e.permissionDenied()) {
                throw e;
            }
            LOG.warn("netlink is not available ({}); using the ip command", e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("native calls are not available ({}); using the ip command", e
                    .toString());
        }
        return new LinuxVipBackend(new IpCommandTool());
    }

    /** A backend that uses the {@code ip} command, whatever netlink could do. */
    public static LinuxVipBackend withIpCommand() {
        return new LinuxVipBackend(new IpCommandTool());
    }

    @Override
    public synchronized boolean add(VirtualAddress address) throws IOException {
        return tool.add(address);
    }

    @Override
    public synchronized boolean remove(VirtualAddress address) throws IOException {
        return tool.remove(address);
    }

    @Override
    public synchronized void announce(VirtualAddress address) throws IOException {
        ArpAnnouncer announcer = announcers.get(address.device());
        if (announcer == null) {
            announcer = ArpAnnouncer.open(address.device());
            announcers.put(address.device(), announcer);
        }
        announcer.announce(address.address());
    }

    @Override
    public String describe() {
        return "linux (" + tool.describe() + ", gratuitous ARP)";
    }

    @Override
    public synchronized void close() {
        tool.close();
        announcers.values().forEach(ArpAnnouncer::close);
        announcers.clear();
    }
}
