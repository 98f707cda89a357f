package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The PROXY headers, byte for byte as proxy-protocol.txt lays them out. */
class ProxyHeaderTest {
    private static final InetSocketAddress CLIENT4 = new InetSocketAddress("192.0.2.7", 40000);
    private static final InetSocketAddress LOCAL4 = new InetSocketAddress("198.51.100.1", 25);
    private static final InetSocketAddress CLIENT6 = new InetSocketAddress("2001:db8::7", 40000);

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void versionOneIsOneTextLine() {
        assertThat(new String(ProxyHeader.encode(1, CLIENT4, LOCAL4), StandardCharsets.US_ASCII))
                .isEqualTo("PROXY TCP4 192.0.2.7 198.51.100.1 40000 25\r\n");
        assertThat(new String(ProxyHeader.encode(1, CLIENT6, LOCAL4), StandardCharsets.US_ASCII))
                .isEqualTo("PROXY TCP6 2001:db8::7 ::ffff:198.51.100.1 40000 25\r\n");
        assertThat(new String(ProxyHeader.encode(1, new io.netty.channel.local.LocalAddress(
                "x"), LOCAL4), StandardCharsets.US_ASCII)).isEqualTo("PROXY UNKNOWN\r\n");
    }

    @Test
    void versionTwoIsTheSignatureCommandFamilyLengthAndAddresses() {
        assertThat(hex(ProxyHeader.encode(2, CLIENT4, LOCAL4))).isEqualTo(
                "0d0a0d0a000d0a515549540a" + "21" + "11" + "000c"
                        + "c0000207" + "c6336401" + "9c40" + "0019");
        assertThat(hex(ProxyHeader.encode(2, CLIENT6, LOCAL4))).isEqualTo(
                "0d0a0d0a000d0a515549540a" + "21" + "21" + "0024"
                        + "20010db8000000000000000000000007"
                        + "00000000000000000000ffffc6336401" + "9c40" + "0019");
        assertThat(hex(ProxyHeader.encode(2, new io.netty.channel.local.LocalAddress("x"),
                LOCAL4))).isEqualTo("0d0a0d0a000d0a515549540a" + "20" + "00" + "0000");
    }
}
