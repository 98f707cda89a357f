package io.bramble.lb.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive HTTP/1.1 server that records every request it reads completely, with its own
 * strict reading of the framing (Content-Length or chunked), and counts its open
 * connections. Each answer carries the request's number in {@code X-Seq}. CONNECT and
 * {@code Upgrade} requests are accepted (200, 101) and the connection then echoes bytes.
 */
final class RecordingServer implements AutoCloseable {
    /** One request as the server read it. */
    record Received(String method, String target, List<String> headers, byte[] body) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    final List<Received> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger acceptedConnections = new AtomicInteger();
    private final ServerSocket socket;

    RecordingServer() throws IOException {
        socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                acceptedConnections.incrementAndGet();
                openConnections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                String head = readLine(in);
                if (head == null) {
                    return;
                }
                String[] parts = head.split(" ");
                List<String> headers = new java.util.ArrayList<>();
                String line;
                while ((line = readLine(in)) != null && !line.isEmpty()) {
                    headers.add(line);
                }
                if (line == null) {
                    return;
                }
                Received request = new Received(parts[0], parts[1], headers, new byte[0]);
                byte[] body = readBody(in, request);
                if (body == null) {
                    return;
                }
                request = new Received(parts[0], parts[1], headers, body);
                requests.add(request);
                int seq = requests.size();
                if (request.method.equals("CONNECT")) {
                    out.write(("HTTP/1.1 200 Connection established\r\nX-Seq: " + seq
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    echo(in, out);
                    return;
                }
                if (request.header("Upgrade") != null) {
                    out.write(("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
                            + "Upgrade: " + request.header("Upgrade") + "\r\nX-Seq: " + seq
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    echo(in, out);
                    return;
                }
                String answer = "seq " + seq + "\n";
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + answer.length()
                        + "\r\nX-Seq: " + seq + "\r\n\r\n" + answer)
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException ignored) {
            // the proxy went away
        } finally {
            openConnections.decrementAndGet();
        }
    }

    private static void echo(InputStream in, OutputStream out) throws IOException {
        out.flush();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    /** The body as framed by the head; null when the connection ended or framing is bad. */
    private static byte[] readBody(InputStream in, Received request) throws IOException {
        String coding = request.header("Transfer-Encoding");
        if (coding != null) {
            if (!coding.equalsIgnoreCase("chunked")) {
                return null;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    return null;
                }
                int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
                if (size == 0) {
                    String trailer;
                    while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                        // trailers are not recorded
                    }
                    return trailer == null ? null : body.toByteArray();
                }
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size || !"".equals(readLine(in))) {
                    return null;
                }
                body.writeBytes(chunk);
            }
        }
        String length = request.header("Content-Length");
        if (length == null) {
            return new byte[0];
        }
        int size = Integer.parseInt(length);
        byte[] body = in.readNBytes(size);
        return body.length < size ? null : body;
    }

    /** A CR LF terminated line, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n' && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                return line.substring(0, line.length() - 1);
            }
            line.append((char) b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
