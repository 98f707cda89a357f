package io.bramble.lb.http1;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayDeque;

/**
 * The methods of the requests a connection is still to answer, oldest first: a response to
 * HEAD has no body whatever its headers say, and a 2xx to CONNECT starts a tunnel. Filled by
 * {@link RequestDecoder}, emptied by {@link ResponseEncoder}; one connection, one event loop.
 */
public final class MethodQueue {
    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>(2);

    void add(HttpMethod method) {
        methods.add(method);
    }

    /** The method of the request the next final response answers, or null when unknown. */
    public HttpMethod poll() {
        return methods.poll();
    }
}
