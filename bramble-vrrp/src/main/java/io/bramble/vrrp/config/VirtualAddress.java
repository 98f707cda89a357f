package io.bramble.vrrp.config;

import java.net.Inet4Address;

/**
 * One line of {@code virtual_ipaddress}: {@code ADDR[/LEN] [dev IF] [label LABEL]}.
 *
 * @param address the virtual address
 * @param prefixLength 32 when not written, as keepalived does
 * @param device the interface it goes on; the instance's interface when not written
 * @param label {@code ip addr ... label}; empty for none
 */
public record VirtualAddress(Inet4Address address, int prefixLength, String device,
        String label) {
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + " dev " + device
                + (label.isEmpty() ? "" : " label " + label);
    }
}
