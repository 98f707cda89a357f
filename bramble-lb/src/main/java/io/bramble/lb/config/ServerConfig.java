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
 * @param initAddr {@code init-addr}: how the address is found at start
 */
public record ServerConfig(String name, HostPort address, ServerOptions options,
        ConfigLocation location, InitAddr initAddr) {

    /** A server found the default way ({@code init-addr last,libc}). */
    public ServerConfig(String name, HostPort address, ServerOptions options,
            ConfigLocation location) {
        this(name, address, options, location, InitAddr.DEFAULT);
    }
}
