package io.bramble.lb.proxy;

import io.bramble.lb.acl.RequestFacts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a connection offers to conditions before any request is read: only the client's
 * address. Used by tcp-mode routing and by tcp-request rules, whose conditions the
 * configuration limits to it.
 */
record ConnectionFacts(InetSocketAddress client) implements RequestFacts {
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
