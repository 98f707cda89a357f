package io.bramble.lb.proxy;

import io.bramble.lb.acl.RequestFacts;
import io.bramble.lb.balance.RequestKey;
import io.bramble.lb.format.FormatContext;
import io.bramble.lb.format.RequestTarget;
import io.bramble.lb.format.Variables;
import io.bramble.lb.stick.StickCounters;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A request as conditions, hashing algorithms and the log-format strings of http-request
 * rules see it; computed parts are cached. Confined to its session's event loop.
 */
final class RequestView implements RequestFacts, RequestKey, FormatContext {
    private final HttpRequest request;
    private final InetSocketAddress client;
    private final InetSocketAddress local;
    private final boolean tls;
    private final String hostName;
    private final String frontendName;
    /** The frontend's name until a backend is chosen, as HAProxy's {@code %b}. */
    private String backendName;
    private String path;
    /** The request's variables, over its connection's and the process's; made at first use. */
    private Variables variables;
    /** The request's stick counters; null until the router gives them. */
    private StickCounters stickCounters;

    /**
     * @param client the client's address
     * @param local the address the client connected to
     * @param tls the client's connection uses TLS
     * @param hostName this machine's name
     * @param frontendName the frontend that accepted the connection
     */
    RequestView(HttpRequest request, InetSocketAddress client, InetSocketAddress local,
            boolean tls, String hostName, String frontendName) {
        this.request = request;
        this.client = client;
        this.local = local;
        this.tls = tls;
        this.hostName = hostName;
        this.frontendName = frontendName;
        this.backendName = frontendName;
    }

    /** The request's variables, which its rules' set-var fill. */
    void variables(Variables requestVariables) {
        variables = requestVariables;
    }

    @Override
    public Variables variables() {
        if (variables == null) {
            // A request no session gave variables to: its own, seen by its rules only.
            variables = Variables.forProcess().forConnection().forRequest();
        }
        return variables;
    }

    /** The request's stick counters, which its rules' track-scN fill. */
    void stickCounters(StickCounters counters) {
        stickCounters = counters;
    }

    @Override
    public StickCounters stickCounters() {
        return stickCounters;
    }

    /** The request was given a backend. */
    void backend(String name) {
        backendName = name;
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

    /** Gives the request target the path {@code newPath}, its query kept. */
    void replacePath(String newPath) {
        request.setUri(RequestTarget.withPath(request.uri(), newPath));
        path = null;
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

    @Override
    public InetSocketAddress client() {
        return client;
    }

    @Override
    public InetSocketAddress frontendAddress() {
        return local;
    }

    @Override
    public boolean clientTls() {
        return tls;
    }

    @Override
    public String target() {
        return request.uri();
    }

    @Override
    public String httpVersion() {
        return request.protocolVersion().majorVersion() + "."
                + request.protocolVersion().minorVersion();
    }

    @Override
    public List<String> requestHeaderValues(String name) {
        return request.headers().getAll(name);
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public String frontendName() {
        return frontendName;
    }

    @Override
    public String backendName() {
        return backendName;
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
