package io.bramble.it.lbdiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code compression algo|type|offload} in Debian's HAProxy and in {@code bramble lb}, both
 * real processes with the same haproxy.cfg and the same server answers: for each request
 * (Accept-Encoding and q-values, HEAD, HTTP/1.0) and answer (types, lengths, codings, ETags,
 * Vary, statuses), the status, the head fields compression decides, whether the server saw
 * Accept-Encoding, and whether the body the client decodes is the server's.
 */
class CompressionSideBySideTest extends SideBySideBase {
    /** The body each compressible answer carries: long enough to be worth coding. */
    private static final String BODY = "bramble compresses like HAProxy\n".repeat(200);

    @Test
    void bothCompressTheSameAnswersAlike() throws Exception {
        Path haproxy = Haproxy.assumeInstalled();
        Map<String, List<String>> seen = BothProxies.seen("compression", name -> {
            AnswerServer server = proxies.add(new AnswerServer(cluster.address("origin-"
                    + name)));
            int offloadPort = cluster.freePort(name);
            InetSocketAddress main = proxies.start(name, haproxy, endpoint -> config(endpoint,
                    offloadPort, server));
            InetSocketAddress offload = new InetSocketAddress(main.getAddress(), offloadPort);
            List<String> outcomes = new ArrayList<>();
            for (Map.Entry<String, String> probe : probes().entrySet()) {
                InetSocketAddress target = probe.getKey().startsWith("offload") ? offload : main;
                outcomes.add(probe.getKey() + ": " + outcome(target, probe.getValue()));
            }
            return outcomes;
        });
        assertThat(seen.get("bramble")).isEqualTo(seen.get("haproxy"));
        assertThat(seen.get("haproxy")).as("some answers are compressed")
                .anyMatch(o -> o.contains("content-encoding=[gzip]"))
                .anyMatch(o -> o.contains("content-encoding=[deflate]"));
    }

    private static String config(HostPort bind, int offloadPort, AnswerServer server) {
        return SharedConfig.DEFAULTS + """
                frontend public
                    bind BIND
                    compression algo gzip deflate
                    compression type text/ application/json
                    default_backend origin
                frontend offloading
                    bind HOST:OFFLOAD_PORT
                    compression algo raw-deflate
                    compression offload
                    default_backend origin
                backend origin
                    server origin SERVER
                """.replace("BIND", bind.toString())
                .replace("HOST", bind.host())
                .replace("OFFLOAD_PORT", Integer.toString(offloadPort))
                .replace("SERVER", server.address());
    }

    /** Each request by name: the path picks the server's answer ({@link AnswerServer}). */
    private static Map<String, String> probes() {
        Map<String, String> probes = new LinkedHashMap<>();
        String gzip = "Accept-Encoding: gzip\r\n";
        probes.put("gzip text with length", get("/text", gzip));
        probes.put("deflate preferred", get("/text", "Accept-Encoding: gzip;q=0.5, deflate\r\n"));
        probes.put("star", get("/text", "Accept-Encoding: *\r\n"));
        probes.put("q zero", get("/text", "Accept-Encoding: gzip;q=0\r\n"));
        probes.put("upper case coding", get("/text", "Accept-Encoding: GZIP\r\n"));
        probes.put("no accept-encoding", get("/text", ""));
        probes.put("chunked json", get("/chunked", gzip));
        probes.put("image not in types", get("/png", gzip));
        probes.put("already coded", get("/coded", gzip));
        probes.put("no-transform", get("/no-transform", gzip));
        probes.put("vary kept", get("/vary", gzip));
        probes.put("weak etag", get("/weak-etag", gzip));
        probes.put("read until close", get("/until-close", gzip));
        probes.put("empty", get("/empty", gzip));
        probes.put("not found", get("/404", gzip));
        probes.put("created", get("/201", gzip));
        probes.put("head", "HEAD /text HTTP/1.1\r\nHost: x\r\n" + gzip
                + "Connection: close\r\n\r\n");
        probes.put("http/1.0 client", "GET /text HTTP/1.0\r\nHost: x\r\n" + gzip + "\r\n");
        probes.put("old browser", get("/text", gzip
                + "User-Agent: Mozilla/4.0 (compatible; MSIE 5.5; Windows 98)\r\n"));
        probes.put("offload", get("/text", "Accept-Encoding: deflate\r\n"));
        probes.put("offload without deflate", get("/text", gzip));
        return probes;
    }

    private static String get(String path, String headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + headers
                + "Connection: close\r\n\r\n";
    }

    /** The status, the fields compression decides, and whether the decoded body is BODY. */
    private static String outcome(InetSocketAddress address, String request) throws IOException {
        byte[] answer;
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            answer = socket.getInputStream().readAllBytes();
        }
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, headEnd).split("\r\n");
        Map<String, List<String>> fields = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            fields.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(answer, headEnd + 4, answer.length);
        if (fields.containsKey("transfer-encoding")) {
            body = unchunk(body);
        }
        StringBuilder out = new StringBuilder(lines[0].substring(9, 12));
        // The framing of an answer left uncoded is not compression's: bramble chunks one
        // without a length to an HTTP/1.1 client, where HAProxy sends it until the close.
        List<String> shown = fields.containsKey("content-encoding")
                ? List.of("content-encoding", "transfer-encoding", "vary", "etag",
                        "x-saw-accept-encoding")
                : List.of("content-encoding", "vary", "etag", "x-saw-accept-encoding");
        for (String name : shown) {
            out.append(' ').append(name).append('=').append(fields.getOrDefault(name, List.of()));
        }
        out.append(" content-length ").append(fields.containsKey("content-length")
                ? "set"
                : "absent");
        String coding = String.join(",", fields.getOrDefault("content-encoding", List.of()));
        out.append(" body ").append(decoded(coding, body));
        return out.toString();
    }

    private static String decoded(String coding, byte[] body) throws IOException {
        if (body.length == 0) {
            return "empty";
        }
        InputStream in = new ByteArrayInputStream(body);
        InputStream decoding = switch (coding) {
            case "gzip" -> new GZIPInputStream(in);
            case "deflate" -> new InflaterInputStream(in, new java.util.zip.Inflater(
                    !(body.length > 1 && (body[0] & 0x0F) == 8
                            && ((body[0] & 0xFF) * 256 + (body[1] & 0xFF)) % 31 == 0)));
            default -> in;
        };
        String text = new String(decoding.readAllBytes(), StandardCharsets.US_ASCII);
        return text.equals(BODY) ? "is the server's" : "differs (" + text.length() + " chars)";
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int length = Integer.parseInt(size.split(";")[0].strip(), 16);
            at = lineEnd + 2;
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(chunked, at, length);
            at += length + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a chunk size line without its end");
    }

    /**
     * Answers each request by its path, closing after each: {@code /text} text/html with a
     * length and a strong ETag, {@code /chunked} chunked application/json, {@code /png},
     * {@code /coded} (Content-Encoding: br), {@code /no-transform}, {@code /vary} (Vary:
     * Origin), {@code /weak-etag}, {@code /until-close} (no length), {@code /empty}
     * (Content-Length: 0), {@code /404}, {@code /201}; each says which Accept-Encoding it saw.
     */
    private static final class AnswerServer implements AutoCloseable {
        private final ServerSocket socket;

        AnswerServer(InetAddress address) throws IOException {
            socket = new ServerSocket(0, 50, address);
            Thread.ofVirtual().start(this::serve);
        }

        String address() {
            return socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket peer = socket.accept()) {
                    peer.setSoTimeout(20_000);
                    String head = readHead(peer.getInputStream());
                    answer(head, peer.getOutputStream());
                } catch (IOException e) {
                    // the listening socket closed, or a client went away
                }
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder seen = new StringBuilder();
            int b;
            while (!seen.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
                seen.append((char) b);
            }
            return seen.toString();
        }

        private static void answer(String head, OutputStream out) throws IOException {
            String path = head.split(" ", 3)[1];
            String saw = "-";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("accept-encoding:")) {
                    saw = line.substring(16).strip();
                }
            }
            String common = "X-Saw-Accept-Encoding: " + saw + "\r\n";
            String length = "Content-Length: " + BODY.length() + "\r\n";
            String html = "Content-Type: text/html\r\n";
            String response = switch (path) {
                case "/text" -> "200 OK\r\n" + html + length + "ETag: \"v1\"\r\n";
                case "/chunked" -> "200 OK\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n";
                case "/png" -> "200 OK\r\nContent-Type: image/png\r\n" + length;
                case "/coded" -> "200 OK\r\n" + html + length + "Content-Encoding: br\r\n";
                case "/no-transform" -> "200 OK\r\n" + html + length
                        + "Cache-Control: max-age=5, no-transform\r\n";
                case "/vary" -> "200 OK\r\n" + html + length + "Vary: Origin\r\n";
                case "/weak-etag" -> "200 OK\r\n" + html + length + "ETag: W/\"v1\"\r\n";
                case "/until-close" -> "200 OK\r\n" + html;
                case "/empty" -> "200 OK\r\n" + html + "Content-Length: 0\r\n";
                case "/404" -> "404 Not Found\r\n" + html + length;
                case "/201" -> "201 Created\r\n" + html + length;
                default -> "500 Unknown\r\nContent-Length: 0\r\n";
            };
            boolean empty = path.equals("/empty") || response.startsWith("500")
                    || head.startsWith("HEAD ");
            String body = empty
                    ? ""
                    : path.equals("/chunked")
                            ? Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n"
                            : BODY;
            out.write(("HTTP/1.1 " + response + common + "Connection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
