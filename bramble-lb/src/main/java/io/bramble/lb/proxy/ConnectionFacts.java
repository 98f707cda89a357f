package io.bramble.lb.proxy;

import io.bramble.lb.acl.ClientBytes;
import io.bramble.lb.acl.RequestFacts;
import io.bramble.lb.stick.StickCounters;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a connection offers to conditions before any request is read: the client's address,
 * the connection's stick counters and, for tcp-request content rules and tcp-mode routing,
 * the bytes the client sent so far. Used by tcp-mode routing and by tcp-request rules,
 * whose conditions the configuration limits to it.
 */
record ConnectionFacts(InetSocketAddress client, StickCounters stickCounters,
        ClientBytes clientBytes)
        implements
            RequestFacts {
    /** Facts without the client's bytes: none to wait for. */
    ConnectionFacts(InetSocketAddress client, StickCounters stickCounters) {
        this(client, stickCounters, ClientBytes.none());
    }

    @Override
    public String method() {
        return null;
    }

    @Override
    public String path() {
        return null;
    }

    @Override
    public String uri() {
        return null;
    }

    @Override
    public List<String> headerValues(String name) {
        return List.of();
    }

    @Override
    public InetAddress source() {
        return client.getAddress();
    }
}
