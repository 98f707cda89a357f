package io.bramble.lb.config;

import io.bramble.common.net.HostPort;

/**
 * One listening address: a {@code bind ADDR:PORT} line, or the address of the old
 * {@code listen NAME ADDR:PORT} form.
 *
 * @param address where to listen; an empty host means every local address (IPv4 and IPv6)
 * @param location where it was written, for "address already in use" messages
 */
public record BindConfig(HostPort address, ConfigLocation location) {}
