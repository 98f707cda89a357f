package io.bramble.vrrp.core;

import io.bramble.common.check.Checks;
import java.net.InetAddress;

/**
 * What the state machine needs from a received advertisement; the shell has already checked
 * the packet (checksum, TTL, authentication) and routed it to the instance of its router id.
 *
 * @param version the packet's protocol version
 * @param virtualRouterId 1 to 255
 * @param priority 0 (the master is leaving) to 255 (address owner)
 * @param advertIntervalMs the sender's advert interval
 * @param source the sender's primary address, used to break priority ties
 */
public record Advert(VrrpVersion version, int virtualRouterId, int priority,
        int advertIntervalMs, InetAddress source) {
    public Advert {
        Checks.argument(version != null, "version is required");
        Checks.inRange(virtualRouterId, 1, 255, "virtualRouterId");
        Checks.inRange(priority, 0, 255, "priority");
        Checks.argument(advertIntervalMs > 0, "advertIntervalMs must be positive");
        Checks.argument(source != null, "source is required");
    }
}
