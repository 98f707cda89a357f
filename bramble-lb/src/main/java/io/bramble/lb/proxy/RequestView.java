package io.bramble.lb.proxy;

import io.bramble.lb.acl.RequestFacts;
import io.bramble.lb.balance.RequestKey;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/** A request as conditions and hashing algorithms see it; computed parts are cached. */
final class RequestView implements RequestFacts, RequestKey {
    private final HttpRequest request;
    private final InetSocketAddress client;
    private final boolean tls;
    private String path;

    RequestView(HttpRequest request, InetSocketAddress client) {
        this(request, client, false);
    }

    /** @param tls the client's connection uses TLS */
    RequestView(HttpRequest request, InetSocketAddress client, boolean tls) {
        this.request = request;
        this.client = client;
        this.tls = tls;
    }

    @Override
    public boolean tls() {
        return tls;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String path() {
        if (path == null) {
            path = pathOf(request.uri());
        }
        return path;
    }

    @Override
    public String uri() {
        return request.uri();
    }

    @Override
    public List<String> headerValues(String name) {
        return request.headers().getAll(name);
    }

    @Override
    public InetAddress source() {
        return client.getAddress();
    }

    @Override
    public byte[] clientAddress() {
        return client.getAddress().getAddress();
    }

    InetSocketAddress client() {
        return client;
    }

    HttpRequest request() {
        return request;
    }

    /** The path of a request target: the query is cut, an absolute URI loses its authority. */
    static String pathOf(String uri) {
        String target = uri;
        int scheme = target.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
