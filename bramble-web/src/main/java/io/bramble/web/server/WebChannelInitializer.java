package io.bramble.web.server;

import io.bramble.common.time.Clock;
import io.bramble.web.files.FileLookup;
import io.bramble.web.http.StaticFileHandler;
import io.bramble.web.log.AccessLog;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The pipeline of one client connection: stall timeout, read pause under backpressure, the
 * HTTP/1.1 codec with its size bounds, keep-alive timeout, then the file handler.
 */
final class WebChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final WebServerConfig config;
    private final FileLookup files;
    private final AccessLog accessLog;
    private final Clock clock;

    WebChannelInitializer(WebServerConfig config, FileLookup files, AccessLog accessLog,
            Clock clock) {
        this.config = config;
        this.files = files;
        this.accessLog = accessLog;
        this.clock = clock;
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
                .addLast("files", new StaticFileHandler(files, accessLog, clock));
    }
}
