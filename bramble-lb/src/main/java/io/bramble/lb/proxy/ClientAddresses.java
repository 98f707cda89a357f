package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A client connection's two ends as the rest of the proxy sees them: those a PROXY header
 * named on a {@code bind ... accept-proxy} listener, else the socket's own. As in HAProxy,
 * every use of an address (ACLs, fetches, log lines, X-Forwarded-For, balancing by source,
 * stick tables, the header sent on with {@code send-proxy}) takes these;
 * {@code tcp-request connection} rules alone, which run before the header is read, see the
 * socket's.
 */
final class ClientAddresses {
    private static final AttributeKey<ProxyHeaderParser.Addresses> NAMED = AttributeKey
            .valueOf(ClientAddresses.class, "named");

    private ClientAddresses() {
    }

    /** The connection's ends are those {@code header} names from now on. */
    static void name(Channel channel, ProxyHeaderParser.Addresses header) {
        channel.attr(NAMED).set(header);
    }

    /** The client's address and port. */
    static SocketAddress remote(Channel channel) {
        ProxyHeaderParser.Addresses named = channel.attr(NAMED).get();
        return named == null ? channel.remoteAddress() : named.source();
    }

    /** The address and port the client connected to. */
    static SocketAddress local(Channel channel) {
        ProxyHeaderParser.Addresses named = channel.attr(NAMED).get();
        return named == null ? channel.localAddress() : named.destination();
    }

    /** {@link #remote} of a TCP connection. */
    static InetSocketAddress remoteInet(Channel channel) {
        return (InetSocketAddress) remote(channel);
    }

    /** {@link #local} of a TCP connection. */
    static InetSocketAddress localInet(Channel channel) {
        return (InetSocketAddress) local(channel);
    }
}
