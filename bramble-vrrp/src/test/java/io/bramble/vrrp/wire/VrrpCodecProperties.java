package io.bramble.vrrp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.vrrp.core.VrrpVersion;
import io.bramble.vrrp.wire.Decoded.Accepted;
import io.bramble.vrrp.wire.Decoded.Dropped;
import java.net.Inet4Address;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class VrrpCodecProperties {
    private static final Inet4Address SOURCE = VrrpCodecTest.address(192, 168, 2, 11);

    @Property
    void decodeReadsWhatEncodeWrote(@ForAll("packets") VrrpPacket packet,
            @ForAll("destinations") Inet4Address destination) {
        byte[] message = VrrpCodec.encode(packet, SOURCE, destination);
        Decoded decoded = VrrpCodec.decodeVrrp(message, 0, message.length, SOURCE, destination,
                VrrpCodec.TTL);
        assertThat(decoded).isEqualTo(new Accepted(SOURCE, destination, VrrpCodec.TTL,
                packet));
    }

    @Property
    void aDatagramWithAnIpHeaderDecodesTheSame(@ForAll("packets") VrrpPacket packet) {
        byte[] message = VrrpCodec.encode(packet, SOURCE, VrrpCodec.GROUP);
        byte[] datagram = withIpHeader(message, SOURCE, VrrpCodec.GROUP);
        assertThat(VrrpCodec.decodeIpv4(datagram, datagram.length)).isEqualTo(new Accepted(
                SOURCE, VrrpCodec.GROUP, VrrpCodec.TTL, packet));
    }

    /** The Internet checksum catches every single flipped bit of the message. */
    @Property
    void anyFlippedBitIsDropped(@ForAll("packets") VrrpPacket packet,
            @ForAll @IntRange(min = 0, max = 100_000) int where) {
        byte[] message = VrrpCodec.encode(packet, SOURCE, VrrpCodec.GROUP);
        int bit = where % (message.length * 8);
        message[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThat(VrrpCodec.decodeVrrp(message, 0, message.length, SOURCE, VrrpCodec.GROUP,
                VrrpCodec.TTL)).isInstanceOf(Dropped.class);
    }

    @Property
    void anyTruncationIsDropped(@ForAll("packets") VrrpPacket packet,
            @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        byte[] datagram = withIpHeader(VrrpCodec.encode(packet, SOURCE, VrrpCodec.GROUP), SOURCE,
                VrrpCodec.GROUP);
        int length = cut % datagram.length;
        assertThat(VrrpCodec.decodeIpv4(datagram, length)).isInstanceOf(Dropped.class);
    }

    /** Garbage from the network never throws. */
    @Property(tries = 3_000)
    void garbageNeverThrows(@ForAll @Size(max = 120) byte[] bytes,
            @ForAll boolean withVrrpLookingHeader) {
        if (withVrrpLookingHeader && bytes.length >= 20) {
            bytes[0] = 0x45;
            bytes[2] = 0;
            bytes[3] = (byte) bytes.length;
            bytes[6] = 0;
            bytes[7] = 0;
            bytes[8] = (byte) 255;
            bytes[9] = (byte) VrrpCodec.IP_PROTOCOL;
        }
        Decoded decoded = VrrpCodec.decodeIpv4(bytes, bytes.length);
        assertThat(decoded).isNotNull();
        Decoded message = VrrpCodec.decodeVrrp(bytes, 0, bytes.length, SOURCE, SOURCE, 1);
        assertThat(message).isNotNull();
    }

    @Provide
    Arbitrary<VrrpPacket> packets() {
        Arbitrary<List<Inet4Address>> addresses = addresses().list().ofMaxSize(20);
        Arbitrary<VrrpPacket> v2 = Combinators.combine(Arbitraries.integers().between(1, 255),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 255),
                addresses,
                Arbitraries.strings().withCharRange((char) 0x20, (char) 0x7e).ofMaxLength(8))
                .as((vrid, priority, seconds, list, password) -> new VrrpPacket(VrrpVersion.V2,
                        vrid, priority, seconds * 1_000, list, password));
        Arbitrary<VrrpPacket> v3 = Combinators.combine(Arbitraries.integers().between(1, 255),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 4_095),
                addresses).as(
                        (vrid, priority, centis, list) -> new VrrpPacket(VrrpVersion.V3,
                                vrid, priority, centis * 10, list, ""));
        return Arbitraries.oneOf(v2, v3);
    }

    @Provide
    Arbitrary<Inet4Address> destinations() {
        return Arbitraries.oneOf(Arbitraries.just(VrrpCodec.GROUP), addresses());
    }

    private static Arbitrary<Inet4Address> addresses() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4).map(VrrpCodec::ipv4);
    }

    private static byte[] withIpHeader(byte[] message, Inet4Address source,
            Inet4Address destination) {
        byte[] datagram = new byte[20 + message.length];
        datagram[0] = 0x45;
        datagram[2] = (byte) (datagram.length >>> 8);
        datagram[3] = (byte) datagram.length;
        datagram[8] = (byte) 255;
        datagram[9] = (byte) VrrpCodec.IP_PROTOCOL;
        System.arraycopy(source.getAddress(), 0, datagram, 12, 4);
        System.arraycopy(destination.getAddress(), 0, datagram, 16, 4);
        System.arraycopy(message, 0, datagram, 20, message.length);
        return datagram;
    }
}
