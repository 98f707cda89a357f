package io.bramble.lb.config;

/**
 * {@code send-proxy} and {@code send-proxy-v2} on a server: the PROXY protocol header (HAProxy's
 * proxy-protocol.txt) that opens each connection to it, telling the server the client's
 * address and port and the address and port the client connected to. Both may be set, as in
 * HAProxy, which then sends version 2.
 *
 * @param v1 {@code send-proxy}: the text header, version 1
 * @param v2 {@code send-proxy-v2}: the binary header, version 2, without TLVs
 */
public record ProxyProtocol(boolean v1, boolean v2) {
    /** No header, the default. */
    public static final ProxyProtocol NONE = new ProxyProtocol(false, false);

    /** The version sent: 2, 1, or 0 for none. */
    public int version() {
        return v2 ? 2 : v1 ? 1 : 0;
    }

    public ProxyProtocol withV1(boolean value) {
        return new ProxyProtocol(value, v2);
    }

    public ProxyProtocol withV2(boolean value) {
        return new ProxyProtocol(v1, value);
    }
}
