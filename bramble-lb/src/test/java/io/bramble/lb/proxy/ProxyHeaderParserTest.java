package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.proxy.ProxyHeaderParser.Addresses;
import io.bramble.lb.proxy.ProxyHeaderParser.Kept;
import io.bramble.lb.proxy.ProxyHeaderParser.Outcome;
import io.bramble.lb.proxy.ProxyHeaderParser.Reason;
import io.bramble.lb.proxy.ProxyHeaderParser.Refused;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * PROXY headers read as HAProxy 2.6 reads them (each case's verdict was seen from HAProxy
 * with the same bytes): the addresses named, the bytes the header took, and why one is
 * refused.
 */
class ProxyHeaderParserTest {
    private static final String REQUEST = "GET / HTTP/1.0\r\n\r\n";
    private static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51,
            0x55, 0x49, 0x54, 0x0A};

    private static Outcome parse(String text) {
        return ProxyHeaderParser.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(InetSocketAddress address) {
        return io.netty.util.NetUtil.toAddressString(address.getAddress()) + ":"
                + address.getPort();
    }

    private static String named(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Addresses.class);
        Addresses addresses = (Addresses) outcome;
        return text(addresses.source()) + " " + text(addresses.destination()) + " "
                + addresses.headerBytes();
    }

    @Test
    void versionOneNamesBothEndsAndTakesItsLine() {
        String line = "PROXY TCP4 192.0.2.7 198.51.100.1 40000 443\r\n";
        assertThat(named(parse(line + REQUEST)))
                .isEqualTo("192.0.2.7:40000 198.51.100.1:443 " + line.length());
        String six = "PROXY TCP6 2001:db8::7 2001:db8::1 40000 25\r\n";
        assertThat(named(parse(six + REQUEST)))
                .isEqualTo("2001:db8::7:40000 2001:db8::1:25 " + six.length());
        Addresses mapped = (Addresses) parse("PROXY TCP6 ::1 ::ffff:198.51.100.1 1 25\r\n");
        assertThat(mapped.destination().getAddress().getAddress()).as("IPv6, as HAProxy keeps it")
                .hasSize(16).endsWith(198, 51, 100, 1);
    }

    @Test
    void portsAreDigitsKeptModulo65536WithLeadingZerosAllowed() {
        assertThat(named(parse("PROXY TCP4 1.2.3.4 5.6.7.8 01111 99999\r\n")))
                .startsWith("1.2.3.4:1111 5.6.7.8:34463 ");
        assertThat(named(parse("PROXY TCP6 ::1 ::2 1 2 more\r\n"))).startsWith("::1:1 ::2:2 ");
    }

    @Test
    void unknownKeepsTheConnectionsOwnAddresses() {
        assertThat(parse("PROXY UNKNOWN\r\n" + REQUEST)).isEqualTo(new Kept(15));
        assertThat(parse("PROXY UNKNOWN foo\r\n" + REQUEST))
                .isEqualTo(new Refused(Reason.UNKNOWN_PROTOCOL));
        assertThat(parse("PROXY UDP4 1.2.3.4 5.6.7.8 1 2\r\n"))
                .isEqualTo(new Refused(Reason.UNKNOWN_PROTOCOL));
    }

    @Test
    void aBrokenLineIsInvalid() {
        for (String line : new String[]{"PROXY TCP4 1.2.3.4 5.6.7.8 1111 2222\n" + REQUEST,
                "PROXY TCP6 1.2.3.4 5.6.7.8 1111 2222\r\n", "PROXY TCP4 ::1 ::2 1 2\r\n",
                "PROXY TCP4 1.2.3.4 5.6.7.8 1x 2\r\n", "PROXY TCP6 ::1 ::2 1\r\n",
                "PROXY TCP4 1.2.3.400 5.6.7.8 1 2\r\n"}) {
            assertThat(parse(line)).as(line).isEqualTo(new Refused(Reason.INVALID));
        }
    }

    @Test
    void aHeaderCutShortInTheFirstReadIsTruncated() {
        for (String cut : new String[]{"PRO", "PROXY TCP4 1.2.3.4 5.6.7.8 1111 2222",
                "PROXY TCP4 1.2.3.4", "PROXY TCP6 ::1 ::2 1 2\r", "\r\n\r\n\0\r\nQUIT\n"}) {
            assertThat(parse(cut)).as(cut).isEqualTo(new Refused(Reason.TRUNCATED));
        }
    }

    @Test
    void anythingElseIsNotAHeader() {
        assertThat(parse(REQUEST)).isEqualTo(new Refused(Reason.NOT_A_HEADER));
        assertThat(ProxyHeaderParser.parse(new byte[0])).isEqualTo(new Refused(Reason.CLOSED));
    }

    private static byte[] v2(int command, int family, byte[] body) {
        return ByteBuffer.allocate(16 + body.length).put(SIGNATURE).put((byte) command)
                .put((byte) family).putShort((short) body.length).put(body).array();
    }

    private static byte[] ipv4Body(byte[] tlvs) {
        return ByteBuffer.allocate(12 + tlvs.length).put(new byte[]{9, 8, 7, 6, 1, 2, 3, 4})
                .putShort((short) 4444).putShort((short) 80).put(tlvs).array();
    }

    @Test
    void versionTwoNamesIpv4AndIpv6Ends() {
        assertThat(named(ProxyHeaderParser.parse(v2(0x21, 0x11, ipv4Body(new byte[0])))))
                .isEqualTo("9.8.7.6:4444 1.2.3.4:80 28");
        byte[] six = ByteBuffer.allocate(36).put(new byte[15]).put((byte) 1).put(new byte[15])
                .put((byte) 2).putShort((short) 4444).putShort((short) 80).array();
        assertThat(named(ProxyHeaderParser.parse(v2(0x21, 0x21, six))))
                .isEqualTo("::1:4444 ::2:80 52");
    }

    @Test
    void versionTwoLocalKeepsTheConnectionsOwnAddresses() {
        assertThat(ProxyHeaderParser.parse(v2(0x20, 0x00, new byte[0]))).isEqualTo(new Kept(16));
        assertThat(ProxyHeaderParser.parse(v2(0x20, 0x11, ipv4Body(new byte[0]))))
                .isEqualTo(new Kept(28));
    }

    @Test
    void versionTwoRefusesOtherCommandsFamiliesAndBadTlvs() {
        assertThat(ProxyHeaderParser.parse(v2(0x22, 0x11, ipv4Body(new byte[0]))))
                .isEqualTo(new Refused(Reason.INVALID));
        assertThat(ProxyHeaderParser.parse(v2(0x21, 0x12, ipv4Body(new byte[0]))))
                .as("UDP").isEqualTo(new Refused(Reason.INVALID));
        assertThat(ProxyHeaderParser.parse(v2(0x21, 0x31, new byte[216])))
                .as("unix").isEqualTo(new Refused(Reason.INVALID));
        assertThat(ProxyHeaderParser.parse(v2(0x21, 0x11, new byte[8])))
                .as("short addresses").isEqualTo(new Refused(Reason.INVALID));
        assertThat(ProxyHeaderParser.parse(v2(0x21, 0x11, ipv4Body(new byte[]{0x20, 0, 5, 1}))))
                .as("a TLV longer than the header").isEqualTo(new Refused(Reason.INVALID));
        assertThat(ProxyHeaderParser.parse(v2(0x21, 0x11, ipv4Body(new byte[]{0x20, 0}))))
                .as("half a TLV head").isEqualTo(new Refused(Reason.INVALID));
        byte[] version1 = v2(0x11, 0x11, ipv4Body(new byte[0]));
        assertThat(ProxyHeaderParser.parse(version1)).isEqualTo(new Refused(Reason.NOT_A_HEADER));
        byte[] whole = v2(0x21, 0x11, ipv4Body(new byte[0]));
        assertThat(ProxyHeaderParser.parse(java.util.Arrays.copyOf(whole, 20)))
                .isEqualTo(new Refused(Reason.TRUNCATED));
    }

    @Test
    void versionTwoTlvsAreSkippedAndACrcMustMatch() {
        byte[] tlvs = {0x20, 0, 2, 'o', 'k', 0x03, 0, 4, 0, 0, 0, 0};
        byte[] header = v2(0x21, 0x11, ipv4Body(tlvs));
        CRC32C crc = new CRC32C();
        crc.update(header);
        ByteBuffer.wrap(header).putInt(header.length - 4, (int) crc.getValue());
        assertThat(named(ProxyHeaderParser.parse(header))).endsWith(" " + header.length);
        header[header.length - 1] ^= 1;
        assertThat(ProxyHeaderParser.parse(header)).isEqualTo(new Refused(Reason.INVALID));
        byte[] longAuthority = new byte[3 + 256];
        longAuthority[0] = 0x02;
        longAuthority[1] = 1;
        assertThat(ProxyHeaderParser.parse(v2(0x21, 0x11, ipv4Body(longAuthority))))
                .isEqualTo(new Refused(Reason.INVALID));
    }
}
