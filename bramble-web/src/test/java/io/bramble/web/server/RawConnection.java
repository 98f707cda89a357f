package io.bramble.web.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One TCP connection speaking HTTP/1.x by hand, so tests control exactly what is sent (targets
 * no client library would send, pipelining) and see exactly what comes back on which
 * connection.
 */
final class RawConnection implements AutoCloseable {
    /** Generous: a reply on loopback that takes this long is a failure, not slowness. */
    static final int READ_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(InetSocketAddress address) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    record Response(String statusLine, int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    RawConnection send(String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** {@code GET target HTTP/1.1} with a Host header and any extra header lines. */
    RawConnection get(String target, String... headerLines) throws IOException {
        return send(request("GET", target, "HTTP/1.1", headerLines));
    }

    static String request(String method, String target, String version, String... headerLines) {
        StringBuilder text = new StringBuilder(method + " " + target + " " + version + "\r\n");
        text.append("Host: test\r\n");
        for (String line : headerLines) {
            text.append(line).append("\r\n");
        }
        return text.append("\r\n").toString();
    }

    /** Reads one response; its body by Content-Length unless it answers a HEAD. */
    Response read(boolean answersHead) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("the server closed the connection before answering");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(
                    colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String length = headers.get("content-length");
        byte[] body = answersHead || status == 304 || length == null
                ? new byte[0]
                : in.readNBytes(Integer.parseInt(length));
        return new Response(statusLine, status, headers, body);
    }

    Response read() throws IOException {
        return read(false);
    }

    /** True when the server has closed its side: reading gives end of stream (or a reset). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** True when nothing arrives within {@code waitMs}; the connection stays usable. */
    boolean silentFor(int waitMs) throws IOException {
        socket.setSoTimeout(waitMs);
        try {
            in.read(); // data or end of stream: not silent
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MS);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String line = bytes.toString(StandardCharsets.ISO_8859_1);
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
