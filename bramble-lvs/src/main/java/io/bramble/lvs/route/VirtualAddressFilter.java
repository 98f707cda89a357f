package io.bramble.lvs.route;

import io.bramble.vrrp.linux.SocketFilter;
import io.bramble.vrrp.linux.SocketFilter.Instruction;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The packet socket's filter: IPv4 frames whose destination is one of the virtual addresses,
 * so that the director copies nothing else out of the kernel. Past
 * {@link #ADDRESSES_MAX} addresses (a BPF jump reaches 255 instructions) it keeps every IPv4
 * frame and the director sorts them. Pure.
 */
final class VirtualAddressFilter {
    static final int ADDRESSES_MAX = 120;
    /** Frames are kept whole up to this length. */
    static final int KEEP_BYTES = 65_535;
    private static final int ETHERTYPE_OFFSET = 12;
    private static final int DESTINATION_OFFSET = Ipv4Packet.ETHERNET_HEADER_BYTES + 16;

    private VirtualAddressFilter() {
    }

    static SocketFilter of(Set<Inet4Address> addresses) {
        List<Instruction> program = new ArrayList<>();
        program.add(Instruction.loadHalf(ETHERTYPE_OFFSET));
        if (addresses.size() > ADDRESSES_MAX) {
            program.add(Instruction.jumpIfEqual(Ipv4Packet.ETHERTYPE_IPV4, 0, 1));
            program.add(Instruction.ret(KEEP_BYTES));
            program.add(Instruction.ret(0));
            return new SocketFilter(program);
        }
        program.add(Instruction.jumpIfEqual(Ipv4Packet.ETHERTYPE_IPV4, 0,
                1 + 2 * addresses.size()));
        program.add(Instruction.loadWord(DESTINATION_OFFSET));
        for (Inet4Address address : addresses) {
            program.add(Instruction.jumpIfEqual(Ipv4Packet.s32(address.getAddress(), 0), 0,
                    1));
            program.add(Instruction.ret(KEEP_BYTES));
        }
        program.add(Instruction.ret(0));
        return new SocketFilter(program);
    }
}
