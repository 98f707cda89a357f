package io.bramble.it.lb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Executors;

/**
 * A server in the test JVM that reads a whole request body and answers with its length and
 * SHA-256, so an upload through the load balancer can be checked byte for byte.
 */
final class UploadSink implements AutoCloseable {
    private final HttpServer server;

    UploadSink(InetSocketAddress address) throws IOException {
        server = HttpServer.create(address, 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long length = 0;
            MessageDigest digest = sha256();
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buffer = new byte[65_536];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    length += n;
                }
            }
            byte[] answer = (length + " " + HexFormat.of().formatHex(digest.digest()))
                    .getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
