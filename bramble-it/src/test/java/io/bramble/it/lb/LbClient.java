package io.bramble.it.lb;

import io.bramble.common.net.HostPort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** HTTP requests through the load balancer, and its stats CSV, for the tests. */
final class LbClient {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

    HttpResponse<String> get(HostPort server, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://" + server + path)).timeout(TIMEOUT).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET http://" + server + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(HostPort server, String path, String auth, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + server + path))
                .timeout(TIMEOUT).header("Authorization", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST http://" + server + path + " failed: " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Which web server answered: its index page names it. */
    String servedBy(HostPort lb, String path, String... headers) {
        HttpResponse<String> response = get(lb, path, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body().replaceAll("(?s).*<body>([^<]*)</body>.*", "$1").strip();
    }

    /**
     * GET over a socket bound to {@code local} (for source hashing); returns which server
     * answered.
     */
    static String servedByFrom(HostPort lb, java.net.InetAddress local, String path)
            throws IOException {
        try (java.net.Socket socket = new java.net.Socket(lb.host(), lb.port(), local, 0)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: lb\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(),
                    StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 200")) {
                throw new AssertionError("GET " + path + " from " + local + ": " + response);
            }
            return response.replaceAll("(?s).*<body>([^<]*)</body>.*", "$1").strip();
        }
    }

    /**
     * Starts downloading {@code path} and reads only its first bytes, so the transfer stays
     * in progress (and the server busy) until the socket is closed.
     */
    static java.net.Socket stalledDownload(HostPort lb, String path) throws IOException {
        java.net.Socket socket = new java.net.Socket(lb.host(), lb.port());
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: lb\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        if (socket.getInputStream().readNBytes(16).length < 16) {
            socket.close();
            throw new AssertionError("no response to " + path);
        }
        return socket;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The stats CSV rows of {@code proxy}, server name to status column. */
    Map<String, String> statuses(HostPort stats, String uri, String auth, String proxy) {
        HttpResponse<String> csv = get(stats, uri + ";csv", "Authorization", auth);
        if (csv.statusCode() != 200) {
            throw new AssertionError("stats CSV answered " + csv.statusCode());
        }
        java.util.LinkedHashMap<String, String> result = new java.util.LinkedHashMap<>();
        for (String line : csv.body().split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells.length > 17 && cells[0].equals(proxy)) {
                result.put(cells[1], cells[17]);
            }
        }
        return result;
    }

    /** One CSV cell of a row, by HAProxy column name. */
    Optional<String> cell(HostPort stats, String uri, String auth, String proxy, String row,
            String column) {
        String body = get(stats, uri + ";csv", "Authorization", auth).body();
        String[] lines = body.split("\n");
        java.util.List<String> header = java.util.List.of(lines[0].substring(2).split(","));
        int index = header.indexOf(column);
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals(proxy) && cells[1].equals(row)) {
                return Optional.of(cells[index]);
            }
        }
        return Optional.empty();
    }
}
