package io.bramble.lb.proxy;

import io.bramble.lb.format.FormatContext;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A server's response as the log-format strings of http-response rules see it: its headers
 * as the rules before left them, its status and server, and the request that caused it.
 * Confined to its session's event loop.
 */
final class ResponseView implements FormatContext {
    private static final InetSocketAddress NO_ADDRESS = new InetSocketAddress(0);

    private final RequestView request;
    private final HttpHeaders headers;
    private final int status;
    private final Server server;
    private final Channel serverChannel;

    ResponseView(RequestView request, HttpHeaders headers, int status, Server server,
            Channel serverChannel) {
        this.request = request;
        this.headers = headers;
        this.status = status;
        this.server = server;
        this.serverChannel = serverChannel;
    }

    @Override
    public io.bramble.lb.format.Variables variables() {
        return request.variables();
    }

    @Override
    public InetSocketAddress client() {
        return request.client();
    }

    @Override
    public InetSocketAddress frontendAddress() {
        return request.frontendAddress();
    }

    @Override
    public boolean clientTls() {
        return request.clientTls();
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String target() {
        return request.target();
    }

    @Override
    public String httpVersion() {
        return request.httpVersion();
    }

    @Override
    public List<String> requestHeaderValues(String name) {
        return request.requestHeaderValues(name);
    }

    @Override
    public String hostName() {
        return request.hostName();
    }

    @Override
    public String frontendName() {
        return request.frontendName();
    }

    @Override
    public String backendName() {
        return request.backendName();
    }

    @Override
    public List<String> responseHeaderValues(String name) {
        return headers.getAll(name);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String serverName() {
        return server.name();
    }

    /** The connection's far end; the server's configured address if the channel lost it. */
    @Override
    public InetSocketAddress serverAddress() {
        return serverChannel.remoteAddress() instanceof InetSocketAddress address
                ? address
                : server.address;
    }

    /** The connection's near end; the wildcard address if the channel lost it. */
    @Override
    public InetSocketAddress serverSourceAddress() {
        return serverChannel.localAddress() instanceof InetSocketAddress address
                ? address
                : NO_ADDRESS;
    }
}
