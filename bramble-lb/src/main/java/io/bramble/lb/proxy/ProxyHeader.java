package io.bramble.lb.proxy;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The PROXY protocol header (HAProxy's proxy-protocol.txt) that opens a connection to a
 * server with {@code send-proxy} (version 1, text) or {@code send-proxy-v2} (version 2,
 * binary, no TLVs): the client's address and port, then the address and port it connected to.
 * When one is IPv4 and the other IPv6, the IPv4 one is written IPv4-mapped, so both are of
 * one family; addresses that are not IP ones give {@code UNKNOWN} (version 1) or the
 * {@code LOCAL} command (version 2).
 */
final class ProxyHeader {
    /** The 12 bytes that open a version 2 header. */
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A,
            0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final int V2_PROXY = 0x21;
    private static final int V2_LOCAL = 0x20;
    private static final int V2_TCP4 = 0x11;
    private static final int V2_TCP6 = 0x21;
    private static final int V2_UNSPEC = 0x00;

    private ProxyHeader() {
    }

    /**
     * @param version 1 or 2
     * @param client the client's end of its connection
     * @param local the end the client connected to
     */
    static byte[] encode(int version, SocketAddress client, SocketAddress local) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("PROXY protocol version 1 or 2, got " + version);
        }
        if (!(client instanceof InetSocketAddress source)
                || !(local instanceof InetSocketAddress destination)
                || source.getAddress() == null || destination.getAddress() == null) {
            return version == 1
                    ? "PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII)
                    : v2(V2_LOCAL, V2_UNSPEC, new byte[0]);
        }
        InetAddress from = source.getAddress();
        InetAddress to = destination.getAddress();
        boolean ipv4 = from instanceof Inet4Address && to instanceof Inet4Address;
        byte[] fromBytes = ipv4 ? from.getAddress() : ipv6Bytes(from);
        byte[] toBytes = ipv4 ? to.getAddress() : ipv6Bytes(to);
        if (version == 1) {
            String line = "PROXY " + (ipv4 ? "TCP4 " : "TCP6 ")
                    + text(fromBytes) + " " + text(toBytes) + " " + source.getPort() + " "
                    + destination.getPort() + "\r\n";
            return line.getBytes(StandardCharsets.US_ASCII);
        }
        ByteBuffer addresses = ByteBuffer.allocate(fromBytes.length * 2 + 4);
        addresses.put(fromBytes).put(toBytes).putShort((short) source.getPort())
                .putShort((short) destination.getPort());
        return v2(V2_PROXY, ipv4 ? V2_TCP4 : V2_TCP6, addresses.array());
    }

    private static byte[] v2(int command, int family, byte[] addresses) {
        ByteBuffer header = ByteBuffer.allocate(V2_SIGNATURE.length + 4 + addresses.length);
        header.put(V2_SIGNATURE).put((byte) command).put((byte) family)
                .putShort((short) addresses.length).put(addresses);
        return header.array();
    }

    /** As inet_ntop writes it: IPv6 compressed, an IPv4-mapped one {@code ::ffff:a.b.c.d}. */
    private static String text(byte[] address) {
        boolean mapped = address.length == 16 && address[10] == (byte) 0xff
                && address[11] == (byte) 0xff;
        for (int i = 0; mapped && i < 10; i++) {
            mapped = address[i] == 0;
        }
        if (mapped) {
            byte[] ipv4 = new byte[4];
            System.arraycopy(address, 12, ipv4, 0, 4);
            return "::ffff:" + NetUtil.bytesToIpAddress(ipv4);
        }
        return NetUtil.bytesToIpAddress(address);
    }

    /** The 16 bytes of an IPv6 address, an IPv4 one mapped ({@code ::ffff:a.b.c.d}). */
    private static byte[] ipv6Bytes(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }
}
