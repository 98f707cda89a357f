package io.bramble.vrrp.net;

import io.bramble.vrrp.wire.Decoded;
import java.io.IOException;
import java.net.Inet4Address;

/**
 * Sends VRRP messages from one source address and receives what arrives. One thread
 * receives at a time; sending may happen from another.
 */
public interface AdvertChannel extends AutoCloseable {
    /** The address adverts are sent from, which peers see as the master's address. */
    Inet4Address source();

    /** Sends one encoded message (no IP header) to {@code destination}. */
    void send(byte[] message, Inet4Address destination) throws IOException;

    /**
     * Waits up to {@code timeoutMs} for a datagram; null when none came. Malformed input comes
     * back as {@link Decoded.Dropped}, never as an exception.
     */
    Decoded receive(int timeoutMs) throws IOException;

    /** Closes the sockets; call after the receiving thread stopped. */
    @Override
    void close();
}
