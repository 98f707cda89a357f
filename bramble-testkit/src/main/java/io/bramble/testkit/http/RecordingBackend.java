package io.bramble.testkit.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * An HTTP/1.1 origin server that records every request it receives, byte for byte, and answers
 * each with a small 200 whose {@value #SEQUENCE_HEADER} header numbers it, so a client behind a
 * proxy can tell which of its requests reached the server. Connections are kept alive. A
 * malformed request is recorded too (its bytes did arrive), answered 400 and the connection
 * closed. A CONNECT, or a request asking to upgrade, is answered 200 or 101 and its connection
 * then echoes every byte back, recorded as that request's tunnel bytes.
 *
 * <p>Each connection is read by a virtual thread; requests arriving on a connection that is
 * closed mid-request were never received whole and are not recorded.
 */
public final class RecordingBackend implements AutoCloseable {
    /** Response header carrying the request's {@link RecordedRequest#sequence()}. */
    public static final String SEQUENCE_HEADER = "X-Seq";
    /** Response header marking an answer after which the connection is a tunnel. */
    public static final String TUNNEL_HEADER = "X-Tunnel";
    private static final Duration POLL = Duration.ofMillis(5);

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<Integer, ByteArrayOutputStream> tunnels = new HashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private int connectionsAccepted;
    private volatile long lastActivityNanos = System.nanoTime();

    private RecordingBackend(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens on {@code address} and {@code port} (0: any free port) and starts serving. */
    public static RecordingBackend start(InetAddress address, int port) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(address, port), 200);
            RecordingBackend backend = new RecordingBackend(listener);
            backend.threads.execute(backend::accept);
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address it listens on. */
    public InetAddress address() {
        return listener.getInetAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every request received so far, in the order they were completed. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests completed after the first {@code count}. */
    public synchronized List<RecordedRequest> requestsAfter(int count) {
        return List.copyOf(requests.subList(Math.min(count, requests.size()), requests.size()));
    }

    public synchronized int requestCount() {
        return requests.size();
    }

    /** The bytes received through the tunnel that request {@code sequence} opened. */
    public synchronized byte[] tunnelBytes(int sequence) {
        ByteArrayOutputStream bytes = tunnels.get(sequence);
        return bytes == null ? new byte[0] : bytes.toByteArray();
    }

    public synchronized int connectionsAccepted() {
        return connectionsAccepted;
    }

    /** Connections accepted and not yet closed by either side. */
    public int connectionsOpen() {
        return open.size();
    }

    /**
     * Waits until no connection was accepted, read from or closed for {@code quiet}, or until
     * {@code max} has passed: the requests in flight have then arrived.
     */
    public void awaitQuiet(Duration quiet, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() - lastActivityNanos < quiet.toNanos()
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** Closes every connection, as a restarted server would; the listener stays. */
    public void closeConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        closeConnections();
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                int connection;
                synchronized (this) {
                    connection = ++connectionsAccepted;
                }
                open.add(socket);
                touch();
                threads.execute(() -> serve(socket, connection));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LockSupport.parkNanos(POLL.toNanos());
                }
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(new Touching(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            RequestReader reader = new RequestReader(in);
            while (true) {
                Optional<RequestReader.Parsed> next = reader.next();
                if (next.isEmpty()) {
                    return;
                }
                RequestReader.Parsed parsed = next.get();
                int sequence = record(parsed, connection);
                out.write(answer(parsed, sequence));
                out.flush();
                if (parsed.tunnel()) {
                    echo(in, out, sequence);
                    return;
                }
                if (parsed.closeAfter()) {
                    return;
                }
            }
        } catch (EOFException | java.net.SocketException closed) {
            // The peer left, or closeConnections() closed the socket.
        } catch (IOException e) {
            // Nothing to record: the request was not received whole.
        } finally {
            open.remove(socket);
            touch();
        }
    }

    private synchronized int record(RequestReader.Parsed parsed, int connection) {
        int sequence = requests.size() + 1;
        requests.add(new RecordedRequest(sequence, connection, parsed.head(), parsed.method(),
                parsed.target(), parsed.version(), parsed.headers(), parsed.body(),
                parsed.malformed()));
        return sequence;
    }

    private static byte[] answer(RequestReader.Parsed parsed, int sequence) {
        String text;
        if (parsed.malformed().isPresent()) {
            String body = "malformed: " + parsed.malformed().get() + "\n";
            text = "HTTP/1.1 400 Bad Request\r\n" + SEQUENCE_HEADER + ": " + sequence
                    + "\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body;
        } else if (parsed.method().equals("CONNECT")) {
            text = "HTTP/1.1 200 Connection established\r\n" + SEQUENCE_HEADER + ": " + sequence
                    + "\r\n" + TUNNEL_HEADER + ": yes\r\n\r\n";
        } else if (parsed.tunnel()) {
            String key = parsed.joined("sec-websocket-key");
            text = "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: "
                    + parsed.joined("upgrade") + "\r\n"
                    + (key.isEmpty()
                            ? ""
                            : "Sec-WebSocket-Accept: " + webSocketAccept(key) + "\r\n")
                    + SEQUENCE_HEADER + ": " + sequence
                    + "\r\n" + TUNNEL_HEADER + ": yes\r\n\r\n";
        } else {
            String body = parsed.method().equals("HEAD") ? "" : "seq " + sequence + "\n";
            text = "HTTP/1.1 200 OK\r\n" + SEQUENCE_HEADER + ": " + sequence
                    + (parsed.closeAfter() ? "\r\nConnection: close" : "")
                    + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** RFC 6455's proof that the server read the key: base64(SHA-1(key + GUID)). */
    private static String webSocketAccept(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(
                            StandardCharsets.ISO_8859_1));
            return java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private void echo(InputStream in, OutputStream out, int sequence) throws IOException {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            synchronized (this) {
                tunnels.computeIfAbsent(sequence, s -> new ByteArrayOutputStream())
                        .write(buffer, 0, read);
            }
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private void touch() {
        lastActivityNanos = System.nanoTime();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that matters here.
        }
    }

    /** Notes the time of every read, so {@link #awaitQuiet} knows when traffic stopped. */
    private final class Touching extends FilterInputStream {
        Touching(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            touch();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            touch();
            return read;
        }
    }
}
