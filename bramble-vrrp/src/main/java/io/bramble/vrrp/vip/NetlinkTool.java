package io.bramble.vrrp.vip;

import io.bramble.common.os.LinuxException;
import io.bramble.vrrp.config.VirtualAddress;
import io.bramble.vrrp.linux.NetlinkAddresses;

/** Addresses through a NETLINK_ROUTE socket, the way {@code ip} itself does it. */
final class NetlinkTool implements AddressTool {
    private final NetlinkAddresses netlink;

    NetlinkTool(NetlinkAddresses netlink) {
        this.netlink = netlink;
    }

    @Override
    public boolean add(VirtualAddress address) throws LinuxException {
        return netlink.add(address.device(), address.address(), address.prefixLength(),
                address.label());
    }

    @Override
    public boolean remove(VirtualAddress address) throws LinuxException {
        return netlink.remove(address.device(), address.address(), address.prefixLength());
    }

    @Override
    public String describe() {
        return "netlink";
    }

    @Override
    public void close() {
        netlink.close();
    }
}
