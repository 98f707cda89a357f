package io.bramble.lb.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The HTTP/1 codec of a connection to a server. Requests go out with their target byte for
 * byte as the client sent it (Netty's own encoder would add a {@code /} to an absolute target
 * without a path, and write other text as UTF-8). Responses are read knowing which request
 * each answers: no body after HEAD, and after a 200 to CONNECT the bytes are the tunnel's,
 * passed on untouched until the connection leaves HTTP.
 */
public final class ServerCodec
        extends
            CombinedChannelDuplexHandler<ServerCodec.Decoder, ServerCodec.Encoder> {
    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>(2);

    public ServerCodec(HttpDecoderConfig config) {
        init(new Decoder(config, methods), new Encoder(methods));
    }

    /** Writes requests, noting their methods for the decoder. */
    static final class Encoder extends HttpRequestEncoder {
        private static final byte[] CRLF = {'\r', '\n'};
        private final ArrayDeque<HttpMethod> methods;

        Encoder(ArrayDeque<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out)
                throws Exception {
            if (msg instanceof HttpRequest request) {
                methods.add(request.method());
            }
            super.encode(ctx, msg, out);
        }

        @Override
        protected void encodeInitialLine(ByteBuf buf, HttpRequest request) {
            ByteBufUtil.copy(request.method().asciiName(), buf);
            buf.writeByte(' ');
            buf.writeCharSequence(request.uri(), StandardCharsets.ISO_8859_1);
            buf.writeByte(' ');
            buf.writeCharSequence(request.protocolVersion().text(), StandardCharsets.US_ASCII);
            buf.writeBytes(CRLF);
        }
    }

    /** Reads responses in the order of the requests written. */
    static final class Decoder extends HttpResponseDecoder {
        private final ArrayDeque<HttpMethod> methods;
        /** A 200 answered CONNECT: what follows is not HTTP. */
        private boolean tunnel;

        Decoder(HttpDecoderConfig config, ArrayDeque<HttpMethod> methods) {
            super(config);
            this.methods = methods;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out)
                throws Exception {
            if (tunnel) {
                out.add(buffer.readRetainedSlice(buffer.readableBytes()));
                return;
            }
            super.decode(ctx, buffer, out);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            if (!(msg instanceof HttpResponse response)) {
                return super.isContentAlwaysEmpty(msg);
            }
            int code = response.status().code();
            if (code >= 100 && code < 200) {
                if (code == 101) {
                    methods.poll();
                }
                return super.isContentAlwaysEmpty(msg);
            }
            HttpMethod method = methods.poll();
            if (HttpMethod.HEAD.equals(method)) {
                return true;
            }
            if (HttpMethod.CONNECT.equals(method) && code == 200) {
                tunnel = true;
                return true;
            }
            return super.isContentAlwaysEmpty(msg);
        }
    }
}
