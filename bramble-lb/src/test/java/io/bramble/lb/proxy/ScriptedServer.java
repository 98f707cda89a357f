package io.bramble.lb.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server that answers each connection with a script, healthy or not as the test says: a
 * stand-in for redis, MySQL, PostgreSQL, an LDAP or SMTP server in the check tests. Keeps
 * what the last connection sent.
 */
final class ScriptedServer implements AutoCloseable {
    /** What the server does on one connection. */
    interface Script {
        void serve(Peer peer, boolean healthy) throws IOException;
    }

    /** One connection: reads are recorded. */
    static final class Peer {
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        Peer(Socket socket) throws IOException {
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads until the bytes read end with {@code end}. */
        String readUntil(String end) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (!line.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed before " + end);
                }
                line.write(b);
                received.write(b);
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        /** Reads exactly {@code count} bytes. */
        byte[] read(int count) throws IOException {
            byte[] bytes = in.readNBytes(count);
            received.write(bytes);
            if (bytes.length < count) {
                throw new IOException("closed after " + bytes.length + " bytes");
            }
            return bytes;
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private final ServerSocket socket;
    private final Script script;
    private final Thread acceptor;
    private volatile boolean healthy;
    private volatile String lastReceived = "";

    private ScriptedServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    static ScriptedServer start(Script script) throws IOException {
        return new ScriptedServer(script);
    }

    int port() {
        return socket.getLocalPort();
    }

    void healthy(boolean value) {
        healthy = value;
    }

    /** What the last connection sent, one char per byte. */
    String lastReceived() {
        return lastReceived;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(5_000);
            Peer peer = new Peer(connection);
            try {
                script.serve(peer, healthy);
                connection.shutdownOutput();
                while (connection.getInputStream().read() >= 0) {
                    continue;
                }
            } finally {
                lastReceived = peer.received.toString(StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            return;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
