package io.bramble.vrrp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.vrrp.core.VrrpVersion;
import io.bramble.vrrp.wire.Decoded.Accepted;
import io.bramble.vrrp.wire.Decoded.Dropped;
import java.net.Inet4Address;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packets captured from keepalived 2.2.7 (Debian 12) with tcpdump, decoded and re-encoded. */
class VrrpCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Inet4Address SOURCE = address(10, 99, 0, 1);
    private static final Inet4Address VIP1 = address(10, 99, 0, 100);
    private static final Inet4Address VIP2 = address(10, 99, 0, 101);

    /** auth_type PASS, auth_pass secret12, advert_int 1, two addresses. */
    private static final byte[] KEEPALIVED_V2 = HEX.parseHex("45c0002c00010000ff70d02a0a630001"
            + "e000001221336502" + "0101f5bb0a6300640a630065" + "7365637265743132");
    /** vrrp_version 3, advert_int 0.1. */
    private static final byte[] KEEPALIVED_V3 = HEX.parseHex("45c0002000010000ff70d0360a630001"
            + "e0000012" + "31349601000a43060a630064");

    @Test
    void decodesKeepalivedVersion2WithPassword() {
        Accepted accepted = accepted(VrrpCodec.decodeIpv4(KEEPALIVED_V2, KEEPALIVED_V2.length));
        assertThat(accepted.source()).isEqualTo(SOURCE);
        assertThat(accepted.destination()).isEqualTo(VrrpCodec.GROUP);
        assertThat(accepted.ttl()).isEqualTo(255);
        assertThat(accepted.packet()).isEqualTo(new VrrpPacket(VrrpVersion.V2, 51, 101, 1_000,
                List.of(VIP1, VIP2), "secret12"));
    }

    @Test
    void decodesKeepalivedVersion3() {
        Accepted accepted = accepted(VrrpCodec.decodeIpv4(KEEPALIVED_V3, KEEPALIVED_V3.length));
        assertThat(accepted.packet()).isEqualTo(new VrrpPacket(VrrpVersion.V3, 52, 150, 100,
                List.of(VIP1), ""));
    }

    @Test
    void encodesTheSameBytesAsKeepalived() {
        byte[] v2 = VrrpCodec.encode(new VrrpPacket(VrrpVersion.V2, 51, 101, 1_000,
                List.of(VIP1, VIP2), "secret12"), SOURCE, VrrpCodec.GROUP);
        assertThat(v2).isEqualTo(Arrays.copyOfRange(KEEPALIVED_V2, 20, KEEPALIVED_V2.length));
        byte[] v3 = VrrpCodec.encode(new VrrpPacket(VrrpVersion.V3, 52, 150, 100,
                List.of(VIP1), ""), SOURCE, VrrpCodec.GROUP);
        assertThat(v3).isEqualTo(Arrays.copyOfRange(KEEPALIVED_V3, 20, KEEPALIVED_V3.length));
    }

    @Test
    void version3ChecksumCoversTheAddresses() {
        byte[] datagram = KEEPALIVED_V3.clone();
        datagram[15] = 2; // another source: the pseudo-header no longer matches
        assertThat(dropped(VrrpCodec.decodeIpv4(datagram, datagram.length)))
                .isEqualTo(DropReason.BAD_CHECKSUM);
    }

    @Test
    void multicastNeedsTtl255() {
        byte[] datagram = KEEPALIVED_V2.clone();
        datagram[8] = (byte) 254;
        assertThat(dropped(VrrpCodec.decodeIpv4(datagram, datagram.length)))
                .isEqualTo(DropReason.BAD_TTL);
    }

    @Test
    void unicastMayHaveCrossedARouter() {
        Inet4Address peer = address(192, 0, 2, 7);
        byte[] message = VrrpCodec.encode(new VrrpPacket(VrrpVersion.V3, 52, 150, 100,
                List.of(VIP1), ""), SOURCE, peer);
        assertThat(VrrpCodec.decodeVrrp(message, 0, message.length, SOURCE, peer, 60))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void dropsWhatIsNotAnAdvert() {
        assertThat(dropped(VrrpCodec.decodeIpv4(new byte[10], 10)))
                .isEqualTo(DropReason.TRUNCATED);
        byte[] tcp = KEEPALIVED_V3.clone();
        tcp[9] = 6;
        assertThat(dropped(VrrpCodec.decodeIpv4(tcp, tcp.length))).isEqualTo(DropReason.NOT_VRRP);
        byte[] fragment = KEEPALIVED_V3.clone();
        fragment[6] = 0x20;
        assertThat(dropped(VrrpCodec.decodeIpv4(fragment, fragment.length)))
                .isEqualTo(DropReason.FRAGMENT);
        byte[] shortened = Arrays.copyOf(KEEPALIVED_V2, KEEPALIVED_V2.length - 1);
        assertThat(dropped(VrrpCodec.decodeIpv4(shortened, shortened.length)))
                .isEqualTo(DropReason.TRUNCATED);
    }

    @Test
    void dropsAuthenticationHeaderType() {
        byte[] message = Arrays.copyOfRange(KEEPALIVED_V2, 20, KEEPALIVED_V2.length);
        message[4] = 2;
        fixVersion2Checksum(message);
        assertThat(dropped(VrrpCodec.decodeVrrp(message, 0, message.length, SOURCE,
                VrrpCodec.GROUP, 255))).isEqualTo(DropReason.UNSUPPORTED_AUTHENTICATION);
    }

    @Test
    void packetsRefuseWhatTheWireCannotCarry() {
        assertThatThrownBy(() -> new VrrpPacket(VrrpVersion.V2, 1, 100, 500, List.of(), ""))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> new VrrpPacket(VrrpVersion.V3, 1, 100, 100, List.of(), "pw"))
                .hasMessageContaining("no authentication");
        assertThatThrownBy(() -> new VrrpPacket(VrrpVersion.V2, 1, 100, 1_000, List.of(),
                "ninechars")).hasMessageContaining("8 ASCII");
        assertThatThrownBy(() -> new VrrpPacket(VrrpVersion.V3, 1, 100, 40_960, List.of(), ""))
                .hasMessageContaining("centiseconds");
    }

    private static void fixVersion2Checksum(byte[] message) {
        message[6] = 0;
        message[7] = 0;
        int checksum = InternetChecksum.finish(InternetChecksum.add(0, message, 0,
                message.length));
        message[6] = (byte) (checksum >>> 8);
        message[7] = (byte) checksum;
    }

    private static Accepted accepted(Decoded decoded) {
        assertThat(decoded).isInstanceOf(Accepted.class);
        return (Accepted) decoded;
    }

    private static DropReason dropped(Decoded decoded) {
        assertThat(decoded).isInstanceOf(Dropped.class);
        return ((Dropped) decoded).reason();
    }

    static Inet4Address address(int a, int b, int c, int d) {
        return VrrpCodec.ipv4(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d});
    }
}
