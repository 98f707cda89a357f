package io.bramble.lb.config;

import io.bramble.common.net.HostPort;
import java.util.Optional;

/**
 * One listening address: a {@code bind ADDR:PORT} line, or the address of the old
 * {@code listen NAME ADDR:PORT} form.
 *
 * @param address where to listen; an empty host means every local address (IPv4 and IPv6)
 * @param location where it was written, for "address already in use" messages
 * @param tls {@code ssl crt ...}: TLS is terminated here; plain TCP when empty
 * @param acceptProxy {@code accept-proxy}: each connection opens with a PROXY header, whose
 *        addresses it then carries
 */
public record BindConfig(HostPort address, ConfigLocation location, Optional<BindTls> tls,
        boolean acceptProxy) {
    /** A plain (no TLS) listening address. */
    public BindConfig(HostPort address, ConfigLocation location) {
        this(address, location, Optional.empty());
    }

    /** A listening address without {@code accept-proxy}. */
    public BindConfig(HostPort address, ConfigLocation location, Optional<BindTls> tls) {
        this(address, location, tls, false);
    }

    /** The record's text, naming {@code tls} only when set (keeps plain binds short). */
    @Override
    public String toString() {
        return "BindConfig[address=" + address + ", location=" + location
                + tls.map(t -> ", tls=" + t).orElse("")
                + (acceptProxy ? ", acceptProxy" : "") + "]";
    }
}
