package io.bramble.lvs.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A Unix socket on which a running director answers every connection with its table in
 * {@code ipvsadm -Ln}'s layout, then closes it; {@link #fetch} is the client side. Only the
 * socket file's permissions (the owner's) guard it: it tells, it changes nothing.
 */
public final class StatusSocket implements AutoCloseable {
    /** A status larger than this is cut: 256 services of 1024 servers fit. */
    static final int STATUS_BYTES_MAX = 32 << 20;

    private final Path path;
    private final ServerSocketChannel server;
    private final Thread thread;

    private StatusSocket(Path path, ServerSocketChannel server, Supplier<String> status) {
        this.path = path;
        this.server = server;
        this.thread = Thread.ofVirtual().name("lvs-status").start(() -> serve(status));
    }

    /** Listens at {@code path}, replacing a socket file a stopped director left there. */
    public static StatusSocket open(Path path, Supplier<String> status) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return new StatusSocket(path, server, status);
    }

    /** What the director at {@code path} answers. */
    public static String fetch(Path path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return new String(readAll(channel), StandardCharsets.UTF_8);
        }
    }

    private static byte[] readAll(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (channel.read(buffer) >= 0) {
            buffer.flip();
            if (out.size() + buffer.remaining() > STATUS_BYTES_MAX) {
                throw new IOException("status longer than " + STATUS_BYTES_MAX + " bytes");
            }
            out.write(buffer.array(), 0, buffer.remaining());
            buffer.clear();
        }
        return out.toByteArray();
    }

    private void serve(Supplier<String> status) {
        while (true) {
            try (SocketChannel client = server.accept()) {
                ByteBuffer reply = ByteBuffer.wrap(status.get().getBytes(StandardCharsets.UTF_8));
                while (reply.hasRemaining()) {
                    client.write(reply);
                }
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                // that client went away; serve the next
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
        Files.deleteIfExists(path);
    }
}
