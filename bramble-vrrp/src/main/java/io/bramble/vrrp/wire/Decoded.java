package io.bramble.vrrp.wire;

import java.net.Inet4Address;

/** The outcome of decoding a received datagram: a packet, or the reason it was dropped. */
public sealed interface Decoded {
    /**
     * A well-formed advert and where it came from.
     *
     * @param source the IP source, the sender's primary address
     * @param destination the group or our unicast address
     * @param ttl the IP time to live as received
     */
    record Accepted(Inet4Address source, Inet4Address destination, int ttl, VrrpPacket packet)
            implements
                Decoded {}

    /** A datagram that is not a valid advert; {@code detail} is for a debug log. */
    record Dropped(DropReason reason, String detail) implements Decoded {}
}
