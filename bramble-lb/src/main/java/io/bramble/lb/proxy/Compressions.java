package io.bramble.lb.proxy;

import io.bramble.lb.compress.BodyCompressor;
import io.bramble.lb.compress.EncodingChoice;
import io.bramble.lb.compress.ResponseCompression;
import io.bramble.lb.config.CompressionAlgorithm;
import io.bramble.lb.config.CompressionConfig;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Where an exchange meets {@code compression}: the algorithm chosen from the request (and,
 * with {@code offload}, its Accept-Encoding taken away from the server), the response head
 * rewritten when it may be compressed, and each body piece coded on its way to the client.
 * The backend's algorithms and types win over the frontend's when it has some.
 */
final class Compressions {
    private Compressions() {
    }

    /** Before the request goes to a server. */
    static void onRequest(Exchange current, CompressionConfig frontend,
            CompressionConfig backend) {
        List<CompressionAlgorithm> algorithms = backend.algorithms().isEmpty()
                ? frontend.algorithms()
                : backend.algorithms();
        if (algorithms.isEmpty()) {
            return;
        }
        HttpHeaders headers = current.request.headers();
        EncodingChoice.choose(algorithms, headers.getAll(HttpHeaderNames.ACCEPT_ENCODING),
                headers.get(HttpHeaderNames.USER_AGENT)).ifPresent(choice -> {
                    current.compression = choice.algorithm();
                    if (choice.fromRequest() && (backend.offload() || frontend.offload())) {
                        headers.remove(HttpHeaderNames.ACCEPT_ENCODING);
                    }
                });
    }

    /** When the response head arrives, before the http-response rules. */
    static void onResponseHead(Exchange current, HttpResponse response,
            CompressionConfig frontend, CompressionConfig backend) {
        if (current.compression == null) {
            return;
        }
        List<String> types = backend.types().isEmpty() ? frontend.types() : backend.types();
        ResponseCompression.Exchange facts = new ResponseCompression.Exchange(
                response.status().code(),
                current.request.protocolVersion().equals(HttpVersion.HTTP_1_1),
                response.protocolVersion().equals(HttpVersion.HTTP_1_1),
                current.request.method().equals(HttpMethod.HEAD));
        if (ResponseCompression.applies(facts, response.headers(), types)) {
            ResponseCompression.rewrite(response.headers(), current.compression);
            current.compressor = new BodyCompressor(current.compression);
        }
    }

    /** {@code content} as the client gets it: coded when the response is compressed. */
    static HttpContent body(Exchange current, HttpContent content,
            io.netty.buffer.ByteBufAllocator allocator) {
        if (current.compressor == null) {
            return content;
        }
        boolean last = content instanceof LastHttpContent;
        ByteBuf coded = current.compressor.code(content.content().retain(), last, allocator);
        HttpContent out = last
                ? new DefaultLastHttpContent(coded, ((LastHttpContent) content).trailingHeaders())
                : new DefaultHttpContent(coded);
        content.release();
        return out;
    }
}
