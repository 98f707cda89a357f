package io.bramble.lb.runtime;

import io.bramble.lb.config.StatsSocketConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Sends one command line to a running load balancer's stats socket and returns the answer,
 * as {@code echo CMD | socat stdio SOCKET} would. Used by {@code bramble lb reload}.
 */
public final class RuntimeClient {
    /** Largest answer read back; {@code show stat} of thousands of servers fits. */
    static final int ANSWER_BYTES_MAX = 16 * 1024 * 1024;

    private RuntimeClient() {
    }

    public static String send(StatsSocketConfig socket, String commandLine) throws IOException {
        try (SocketChannel channel = open(socket)) {
            channel.write(ByteBuffer.wrap((commandLine + "\n").getBytes(StandardCharsets.UTF_8)));
            InputStream in = Channels.newInputStream(channel);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (answer.size() + n > ANSWER_BYTES_MAX) {
                    throw new IOException("answer longer than " + ANSWER_BYTES_MAX + " bytes");
                }
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static SocketChannel open(StatsSocketConfig socket) throws IOException {
        if (socket.path().isPresent()) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(Path.of(socket.path().get())));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return channel;
        }
        return SocketChannel.open(socket.tcp().orElseThrow().resolve());
    }
}
