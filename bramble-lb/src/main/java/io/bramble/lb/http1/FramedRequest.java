package io.bramble.lb.http1;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A request head as {@link RequestDecoder} read it, with the body framing it decided and
 * whether the client asks to leave HTTP for a tunnel (CONNECT, or an {@code Upgrade} named
 * in {@code Connection}).
 */
public final class FramedRequest extends DefaultHttpRequest {
    private final BodyFraming framing;
    private final boolean tunnelRequested;

    FramedRequest(HttpVersion version, HttpMethod method, String target, HttpHeaders headers,
            BodyFraming framing, boolean tunnelRequested) {
        super(version, method, target, headers);
        this.framing = framing;
        this.tunnelRequested = tunnelRequested;
    }

    public BodyFraming framing() {
        return framing;
    }

    /** The client asked to switch to a byte tunnel if the server agrees. */
    public boolean tunnelRequested() {
        return tunnelRequested;
    }
}
