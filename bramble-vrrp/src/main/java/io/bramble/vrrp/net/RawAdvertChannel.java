package io.bramble.vrrp.net;

import io.bramble.common.os.LinuxException;
import io.bramble.vrrp.linux.RawIpSocket;
import io.bramble.vrrp.wire.Decoded;
import io.bramble.vrrp.wire.VrrpCodec;
import java.io.IOException;
import java.net.Inet4Address;

/**
 * IP protocol 112 on one interface: joins 224.0.0.18 there and also receives unicast adverts
 * sent to this host. Needs root (CAP_NET_RAW).
 */
public final class RawAdvertChannel implements AdvertChannel {
    private final Inet4Address source;
    private final RawIpSocket receiver;
    private final RawIpSocket sender;
    private final byte[] buffer = new byte[VrrpCodec.DATAGRAM_BYTES_MAX];

    private RawAdvertChannel(Inet4Address source, RawIpSocket receiver, RawIpSocket sender) {
        this.source = source;
        this.receiver = receiver;
        this.sender = sender;
    }

    public static RawAdvertChannel open(String interfaceName, Inet4Address source)
            throws LinuxException {
        RawIpSocket receiver = RawIpSocket.receiver(interfaceName, VrrpCodec.GROUP);
        try {
            return new RawAdvertChannel(source, receiver, RawIpSocket.sender(interfaceName,
                    source));
        } catch (LinuxException e) {
            receiver.close();
            throw e;
        }
    }

    @Override
    public Inet4Address source() {
        return source;
    }

    @Override
    public void send(byte[] message, Inet4Address destination) throws IOException {
        sender.send(message, destination);
    }

    @Override
    public Decoded receive(int timeoutMs) throws IOException {
        int length = receiver.receive(buffer, timeoutMs);
        return length < 0 ? null : VrrpCodec.decodeIpv4(buffer, length);
    }

    @Override
    public void close() {
        receiver.close();
        sender.close();
    }
}
