package io.bramble.it.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A web server, run in a lab namespace, that holds each answer until told: on a request it
 * creates {@code DIR/received}, then answers {@code 200 held} once {@code DIR/release} exists.
 * So a test can move an address while a request through it is in flight, at a known moment.
 *
 * <p>
 * {@code java HeldServer ADDRESS PORT DIR}; it runs until killed.
 */
public final class HeldServer {
    static final String BODY = "held\n";
    private static final long POLL_MS = 10;

    private HeldServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args[2]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(
                    args[1])));
            while (true) {
                try (Socket socket = server.accept()) {
                    readHead(socket.getInputStream());
                    Files.writeString(dir.resolve("received"), "");
                    while (!Files.exists(dir.resolve("release"))) {
                        Thread.sleep(POLL_MS);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length()
                            + "\r\nConnection: close\r\n\r\n" + BODY).getBytes(
                                    StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        }
    }

    /** Reads up to the blank line that ends a request head (bounded by the socket's close). */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == end.length) {
                return;
            }
        }
    }
}
