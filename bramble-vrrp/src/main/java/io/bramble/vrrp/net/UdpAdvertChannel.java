package io.bramble.vrrp.net;

import io.bramble.vrrp.wire.Decoded;
import io.bramble.vrrp.wire.VrrpCodec;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/**
 * Adverts as UDP datagrams between loopback addresses, for the loopback backend: one machine,
 * no root. The payload is the VRRP message unchanged (checksums included); IP gives no TTL
 * here and loopback traffic never leaves the host, so it counts as 255.
 */
public final class UdpAdvertChannel implements AdvertChannel {
    /** The port every instance listens on, each on its own 127.x address. */
    public static final int PORT_DEFAULT = 5798;

    private final Inet4Address source;
    private final int port;
    private final DatagramSocket socket;
    private final byte[] buffer = new byte[VrrpCodec.DATAGRAM_BYTES_MAX];

    private UdpAdvertChannel(Inet4Address source, int port, DatagramSocket socket) {
        this.source = source;
        this.port = port;
        this.socket = socket;
    }

    /** Binds {@code source:port}; peers are sent to on the same port. */
    public static UdpAdvertChannel open(Inet4Address source, int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.bind(new InetSocketAddress(source, port));
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen for adverts on " + source.getHostAddress()
                    + ":" + port + ": " + e.getMessage(), e);
        }
        return new UdpAdvertChannel(source, port, socket);
    }

    @Override
    public Inet4Address source() {
        return source;
    }

    @Override
    public void send(byte[] message, Inet4Address destination) throws IOException {
        socket.send(new DatagramPacket(message, message.length, destination, port));
    }

    @Override
    public Decoded receive(int timeoutMs) throws IOException {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout(Math.max(1, timeoutMs));
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (!(packet.getAddress() instanceof Inet4Address from)) {
            return null;
        }
        return VrrpCodec.decodeVrrp(buffer, 0, packet.getLength(), from, source, VrrpCodec.TTL);
    }

    @Override
    public void close() {
        socket.close();
    }
}
