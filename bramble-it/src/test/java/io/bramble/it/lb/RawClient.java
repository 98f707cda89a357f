package io.bramble.it.lb;

import io.bramble.common.net.HostPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain socket speaking HTTP/1.1 by hand, for what a normal client would not send. */
final class RawClient implements AutoCloseable {
    static final int TIMEOUT_MS = 60_000;
    final Socket socket;

    RawClient(HostPort target) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(target.host(), target.port()), TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Everything until the server closes the connection. */
    String readToEnd() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** One GET on a fresh connection that the server closes after answering. */
    static String get(HostPort target, String path) throws IOException {
        try (RawClient client = new RawClient(target)) {
            client.send("GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
            return client.readToEnd();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
