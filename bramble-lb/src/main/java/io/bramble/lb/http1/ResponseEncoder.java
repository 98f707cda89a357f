package io.bramble.lb.http1;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * Encodes responses to a client, knowing from {@link MethodQueue} which request each final
 * response answers: a response to HEAD carries no body, and a 2xx to CONNECT no framing.
 * Interim responses (1xx but 101) answer no request by themselves.
 */
public final class ResponseEncoder extends HttpResponseEncoder {
    private final MethodQueue methods;
    private HttpMethod method;

    public ResponseEncoder(MethodQueue methods) {
        this.methods = methods;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpResponse response) {
        int code = response.status().code();
        if (code >= 100 && code < 200 && code != 101) {
            method = null;
            return true;
        }
        method = methods.poll();
        return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(response);
    }

    @Override
    protected void sanitizeHeadersBeforeEncode(HttpResponse response, boolean alwaysEmpty) {
        if (HttpMethod.CONNECT.equals(method) && response.status().code() / 100 == 2) {
            response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
            response.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            return;
        }
        super.sanitizeHeadersBeforeEncode(response, alwaysEmpty);
    }
}
