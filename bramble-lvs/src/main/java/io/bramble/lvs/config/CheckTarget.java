package io.bramble.lvs.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where a checker connects ({@code connect_ip}, {@code connect_port}, the real server's by
 * default) and from where ({@code bindto}, {@code bind_port}).
 *
 * @param address the address and port checked
 * @param bindTo the local address, when set
 * @param bindPort the local port, 0 for any
 */
public record CheckTarget(InetSocketAddress address, Optional<InetAddress> bindTo,
        int bindPort) {}
