package io.bramble.lb.config;

import io.bramble.common.net.HostPort;

/**
 * One {@code server NAME ADDR:PORT [OPTIONS]} line of a backend, with the proxy's
 * {@code default-server} options already applied.
 *
 * @param name unique within its backend
 * @param address where to connect; the host is resolved once at start
 * @param options check, weight, backup and the rest
 * @param location where it was written
 */
public record ServerConfig(String name, HostPort address, ServerOptions options,
        ConfigLocation location) {}
