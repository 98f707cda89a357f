package io.bramble.lb.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback for proxy tests: answers with its name, reports the
 * request headers and body size it saw, serves the check file, and can be stopped and
 * started again on the same port.
 */
final class TestBackend implements AutoCloseable {
    final String name;
    final int port;
    final AtomicInteger requests = new AtomicInteger();
    final List<Map<String, List<String>>> seenHeaders = new CopyOnWriteArrayList<>();
    final Map<String, String> responseHeaders = new ConcurrentHashMap<>();
    private HttpServer server;

    private TestBackend(String name, int port) {
        this.name = name;
        this.port = port;
    }

    static TestBackend start(String name) throws IOException {
        TestBackend backend = new TestBackend(name, TestConfigs.freePort());
        backend.start();
        return backend;
    }

    void start() throws IOException {
        // stop() releases the port asynchronously: a restart may need a moment.
        int attempts = 0;
        while (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (java.net.BindException e) {
                if (++attempts > 100) {
                    throw e;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    void stop() {
        server.stop(0);
        server = null;
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        seenHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
        long bodyBytes = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[65536];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                bodyBytes += read;
            }
        }
        String path = exchange.getRequestURI().getPath();
        responseHeaders.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (path.startsWith("/big/")) {
            long size = Long.parseLong(path.substring(5));
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[8192];
                for (long sent = 0; sent < size; sent += block.length) {
                    out.write(block, 0, (int) Math.min(block.length, size - sent));
                }
            }
            return;
        }
        if (path.equals("/login")) {
            exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=S" + name + "; Path=/");
        }
        byte[] body = (name + " " + exchange.getRequestMethod() + " " + bodyBytes + "\n")
                .getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
