package io.bramble.lb.config;

/**
 * {@code option clitcpka}, {@code option srvtcpka} and {@code option tcpka}: whether the
 * kernel sends TCP keepalive probes (SO_KEEPALIVE) on idle connections, with the intervals
 * of the system's {@code net.ipv4.tcp_keepalive_*} settings. A frontend applies
 * {@code client} to the connections it accepts, a backend {@code server} to the ones it opens,
 * as HAProxy does; {@code tcpka} sets both, each side using its own proxy's.
 *
 * @param client SO_KEEPALIVE on accepted client connections
 * @param server SO_KEEPALIVE on connections to servers
 */
public record TcpKeepAlive(boolean client, boolean server) {
    /** HAProxy's default: no keepalive probes on either side. */
    public static final TcpKeepAlive NONE = new TcpKeepAlive(false, false);

    public TcpKeepAlive withClient(boolean value) {
        return new TcpKeepAlive(value, server);
    }

    public TcpKeepAlive withServer(boolean value) {
        return new TcpKeepAlive(client, value);
    }
}
