package io.bramble.web.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.function.Supplier;

/**
 * The pipeline of one client connection: stall timeout, read pause under backpressure, the
 * HTTP/1.1 codec with its size bounds, keep-alive timeout, then the handler that answers
 * (files, or a page made for each request).
 */
final class WebChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final WebServerConfig config;
    /** Makes the answering handler of each new connection. */
    private final Supplier<ChannelHandler> answers;

    WebChannelInitializer(WebServerConfig config, Supplier<ChannelHandler> answers) {
        this.config = config;
        this.answers = answers;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(config.requestLineBytesMax())
                .setMaxHeaderSize(config.headerBytesMax());
        channel.pipeline()
                .addLast("idle", new IdleClose(config.idleTimeoutMs()))
                .addLast("backpressure", new Backpressure())
                .addLast("http", new HttpServerCodec(decoder))
                .addLast("keep-alive", new KeepAliveTimeout(config.keepAliveTimeoutMs()))
                .addLast("answers", answers.get());
    }
}
