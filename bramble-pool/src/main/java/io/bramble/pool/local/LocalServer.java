package io.bramble.pool.local;

import io.bramble.common.error.UserError;
import io.bramble.pool.node.NodeCommands;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Semaphore;

/**
 * The local CLI's Unix socket, {@code STATE_DIR/cli.sock}, mode 0600 in a 0700 directory: only
 * the directory's owner and root reach it. One command per connection.
 */
public final class LocalServer implements AutoCloseable {
    /** Commands served at once; more wait for a turn. */
    public static final int CONCURRENT_MAX = 16;

    private final ServerSocketChannel server;
    private final Path path;
    private final Semaphore turns = new Semaphore(CONCURRENT_MAX);
    private final PoolNode node;

    private LocalServer(ServerSocketChannel server, Path path, PoolNode node) {
        this.server = server;
        this.path = path;
        this.node = node;
    }

    /** Longest path of a Unix socket on Linux, in bytes (sun_path holds 108 with the NUL). */
    public static final int SOCKET_PATH_BYTES_MAX = 107;

    public static LocalServer start(Path path, PoolNode node) {
        int bytes = path.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > SOCKET_PATH_BYTES_MAX) {
            throw UserError.usage("the state directory's path is too long for the CLI's Unix"
                    + " socket (" + path + " is " + bytes + " bytes, at most "
                    + SOCKET_PATH_BYTES_MAX + "); choose a shorter --state-dir");
        }
        try {
            Files.deleteIfExists(path); // a stale socket: the state directory lock is ours
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            LocalServer local = new LocalServer(server, path, node);
            Thread.ofPlatform().name("cli-accept").daemon().start(local::accept);
            return local;
        } catch (IOException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "cannot open the CLI socket " + path
                    + ": " + e.getMessage(), e);
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                turns.acquireUninterruptibly();
                Thread.ofVirtual().name("cli").start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            InputStream in = Channels.newInputStream(client);
            OutputStream out = Channels.newOutputStream(client);
            Message request = FrameIo.read(in);
            if (!(request instanceof Message.CommandRequest command)) {
                node.badFrames().malformed();
                return;
            }
            FrameIo.write(out, NodeCommands.run(node, command.args()));
        } catch (MalformedFrameException e) {
            node.badFrames().malformed();
        } catch (IOException e) {
            // the client went away
        } finally {
            turns.release();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // stopping anyway
        }
    }
}
