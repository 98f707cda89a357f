package io.bramble.lvs.schedule;

import java.net.InetAddress;

/**
 * What a scheduler may look at for a new connection: the client's address, the virtual
 * address it was sent to (what {@code dh}, {@code lblc} and {@code lblcr} hash), and the time.
 *
 * @param client the connecting client
 * @param target the virtual address the client reached
 * @param nowNanos the caller's monotonic clock
 */
public record Flow(InetAddress client, InetAddress target, long nowNanos) {}
