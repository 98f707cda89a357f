package io.bramble.vrrp.vip;

import io.bramble.vrrp.config.VirtualAddress;
import java.io.IOException;

/** How the linux backend changes addresses: netlink, or the {@code ip} command. */
interface AddressTool extends AutoCloseable {
    boolean add(VirtualAddress address) throws IOException;

    boolean remove(VirtualAddress address) throws IOException;

    String describe();

    @Override
    void close();
}
