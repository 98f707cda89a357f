package io.bramble.lvs.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv4PacketTest {
    private final Ipv4Packet.Refusal[] why = new Ipv4Packet.Refusal[1];

    @Test
    void readsTheFieldsOfATcpSyn() {
        byte[] frame = Frames.tcp(Frames.CLIENT, 40000, Ipv4Packet.SYN, 0);
        Ipv4Packet packet = Ipv4Packet.parse(frame, frame.length, why);
        assertThat(packet).isEqualTo(new Ipv4Packet(14, 40, 20, Ipv4Packet.TCP, Frames.CLIENT,
                Frames.VIP, 40000, 80, Ipv4Packet.SYN));
        assertThat(packet.opensConnection()).isTrue();
    }

    @Test
    void loopbackFramesHaveNoMacs() {
        byte[] frame = Frames.tcp(Frames.CLIENT, 40000, Ipv4Packet.SYN, 0);
        assertThat(Ipv4Packet.fromLoopback(frame)).isTrue();
        frame[11] = 2;
        assertThat(Ipv4Packet.fromLoopback(frame)).isFalse();
    }

    @Test
    void paddingAfterThePacketIsNotPartOfIt() {
        byte[] frame = Arrays.copyOf(Frames.udp(Frames.CLIENT, 5353, 2), 64);
        assertThat(Ipv4Packet.parse(frame, frame.length, why).ipLength()).isEqualTo(30);
    }

    @Test
    void fragmentsTruncatedFramesAndOtherProtocolsAreRefused() {
        byte[] fragment = Frames.tcp(Frames.CLIENT, 1, Ipv4Packet.ACK, 8);
        fragment[14 + 6] = 0x20;
        assertThat(Ipv4Packet.parse(fragment, fragment.length, why)).isNull();
        assertThat(why[0]).isEqualTo(Ipv4Packet.Refusal.FRAGMENT);
        byte[] whole = Frames.tcp(Frames.CLIENT, 1, Ipv4Packet.ACK, 8);
        assertThat(Ipv4Packet.parse(whole, whole.length - 1, why)).isNull();
        assertThat(why[0]).isEqualTo(Ipv4Packet.Refusal.TRUNCATED);
        byte[] icmp = Frames.udp(Frames.CLIENT, 1, 8);
        icmp[14 + 9] = 1;
        assertThat(Ipv4Packet.parse(icmp, icmp.length, why)).isNull();
        assertThat(why[0]).isEqualTo(Ipv4Packet.Refusal.NOT_IPV4);
        byte[] arp = Frames.udp(Frames.CLIENT, 1, 8);
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertThat(Ipv4Packet.parse(arp, arp.length, why)).isNull();
    }

    @Test
    void aPartialChecksumIsCompletedAndACompleteOneKept() {
        for (byte[] frame : new byte[][]{Frames.tcp(Frames.CLIENT, 40000, Ipv4Packet.ACK, 101),
                Frames.udp(Frames.CLIENT, 5353, 64)}) {
            Ipv4Packet packet = Ipv4Packet.parse(frame, frame.length, why);
            byte[] complete = frame.clone();
            TransportChecksum.fill(frame, packet);
            assertThat(frame).isEqualTo(complete);
            int at = packet.transportOffset() + (packet.tcp() ? 16 : 6);
            frame[at] = 0x12;
            frame[at + 1] = 0x34;
            assertThat(Frames.checksumValid(frame)).isFalse();
            TransportChecksum.fill(frame, packet);
            assertThat(Frames.checksumValid(frame)).isTrue();
            assertThat(frame).isEqualTo(complete);
        }
    }

    @Test
    void aUdpPacketWithoutChecksumKeepsNone() {
        byte[] frame = Frames.udp(Frames.CLIENT, 5353, 10);
        frame[34 + 6] = 0;
        frame[34 + 7] = 0;
        TransportChecksum.fill(frame, Ipv4Packet.parse(frame, frame.length, why));
        assertThat(frame[40]).isZero();
        assertThat(frame[41]).isZero();
    }
}
