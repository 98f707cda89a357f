package io.bramble.lvs.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.vrrp.linux.SocketFilter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the filter's program as the kernel would, on frames it must keep or drop. */
class VirtualAddressFilterTest {
    private static final int CODE_LD_W = 0x20;
    private static final int CODE_LD_H = 0x28;
    private static final int CODE_JEQ = 0x15;
    private static final int CODE_RET = 0x06;

    /** The classic BPF subset the filter uses: absolute loads, jeq and ret. */
    private static int run(SocketFilter filter, byte[] frame) {
        List<SocketFilter.Instruction> program = filter.instructions();
        int accumulator = 0;
        int pc = 0;
        while (true) {
            SocketFilter.Instruction in = program.get(pc);
            switch (in.code()) {
                case CODE_LD_H -> accumulator = Ipv4Packet.u16(frame, in.k());
                case CODE_LD_W -> accumulator = Ipv4Packet.s32(frame, in.k());
                case CODE_JEQ -> pc += accumulator == in.k() ? in.jumpTrue() : in.jumpFalse();
                case CODE_RET -> {
                    return in.k();
                }
                default -> throw new AssertionError("opcode " + in.code());
            }
            assertThat(in.jumpTrue()).isBetween(0, 255);
            assertThat(in.jumpFalse()).isBetween(0, 255);
            pc++;
        }
    }

    private static Set<Inet4Address> addresses(int count) throws Exception {
        Set<Inet4Address> out = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            out.add((Inet4Address) InetAddress.getByName("10.0." + (i / 250) + "."
                    + (i % 250 + 1)));
        }
        return out;
    }

    private static byte[] to(int destination) {
        return Frames.frame(Ipv4Packet.TCP, Frames.CLIENT, 1000, destination, 80,
                Ipv4Packet.SYN, 0);
    }

    @Test
    void keepsFramesForEveryVirtualAddressAndNothingElse() throws Exception {
        SocketFilter filter = VirtualAddressFilter
                .of(addresses(VirtualAddressFilter.ADDRESSES_MAX));
        assertThat(run(filter, to(0x0a000001))).isEqualTo(VirtualAddressFilter.KEEP_BYTES);
        assertThat(run(filter, to(0x0a000078))).isEqualTo(VirtualAddressFilter.KEEP_BYTES);
        assertThat(run(filter, to(0x0a000079))).isZero();
        byte[] arp = to(0x0a000001);
        arp[13] = 0x06;
        assertThat(run(filter, arp)).isZero();
    }

    @Test
    void pastItsLimitItKeepsEveryIpv4Frame() throws Exception {
        SocketFilter filter = VirtualAddressFilter
                .of(addresses(VirtualAddressFilter.ADDRESSES_MAX + 1));
        assertThat(run(filter, to(0x0b000001))).isEqualTo(VirtualAddressFilter.KEEP_BYTES);
        byte[] arp = to(0x0a000001);
        arp[13] = 0x06;
        assertThat(run(filter, arp)).isZero();
    }
}
