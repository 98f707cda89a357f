package io.bramble.testkit.http;

import io.bramble.testkit.http.RecordedRequest.Header;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads requests off one connection as a strict origin server does (RFC 9112): framing comes
 * from Content-Length or a final {@code chunked} coding and from nothing else, and anything a
 * careful server would refuse is reported as malformed rather than guessed at. Line ends may be
 * CRLF or a bare LF, as most servers accept; a CR anywhere else is malformed.
 */
final class RequestReader {
    /** Longest request line or header line. */
    static final int LINE_BYTES_MAX = 64 * 1024;
    /** Most header lines (or trailer lines) in one request. */
    static final int HEADER_LINES_MAX = 1_000;
    /** Largest body, chunked or not. */
    static final int BODY_BYTES_MAX = 16 * 1024 * 1024;
    /** Longest chunk size line, extensions included. */
    static final int CHUNK_LINE_BYTES_MAX = 64 * 1024;

    /** A request read to its end, or as far as the point where it turned out malformed. */
    record Parsed(String head, String method, String target, String version,
            List<Header> headers, byte[] body, Optional<String> malformed) {

        /** The answer must close the connection: asked for, HTTP/1.0, or malformed. */
        boolean closeAfter() {
            String connection = joined("connection");
            return malformed.isPresent() || hasToken(connection, "close")
                    || version.equals("HTTP/1.0") && !hasToken(connection, "keep-alive");
        }

        /** A CONNECT, or an upgrade the backend accepts: the connection becomes a tunnel. */
        boolean tunnel() {
            return malformed.isEmpty() && (method.equals("CONNECT")
                    || hasToken(joined("connection"), "upgrade") && !joined("upgrade").isEmpty());
        }

        String joined(String name) {
            List<String> values = new ArrayList<>();
            for (Header header : headers) {
                if (header.name().equalsIgnoreCase(name)) {
                    values.add(header.value());
                }
            }
            return String.join(",", values);
        }

        private static boolean hasToken(String list, String token) {
            for (String item : list.split(",")) {
                if (item.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final InputStream in;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private String method = "";
    private String target = "";
    private String version = "";
    private final List<Header> headers = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** {@code in} should be buffered: it is read one byte at a time. */
    RequestReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next request; empty when the stream ends cleanly before one starts.
     *
     * @throws EOFException when the stream ends inside a request: it was never received whole
     */
    Optional<Parsed> next() throws IOException {
        head.reset();
        body.reset();
        headers.clear();
        method = "";
        target = "";
        version = "";
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        String problem;
        if (first == '\n') {
            head.write(first);
            problem = "empty request line";
        } else {
            problem = readHead(first);
        }
        if (problem == null) {
            problem = readBody();
        }
        return Optional.of(new Parsed(head.toString(StandardCharsets.ISO_8859_1), method, target,
                version, headers, body.toByteArray(), Optional.ofNullable(problem)));
    }

    /** Reads the request line and headers; returns what is wrong with them, or null. */
    private String readHead(int first) throws IOException {
        Line requestLine = readLine(first, true);
        String[] parts = requestLine.text.split(" ", -1);
        method = parts[0];
        target = parts.length > 1 ? parts[1] : "";
        version = parts.length > 2 ? parts[2] : "";
        String problem = requestLine.problem;
        if (problem == null && parts.length != 3) {
            problem = "request line has " + (parts.length - 1) + " spaces, not 2";
        } else if (problem == null && !isToken(method)) {
            problem = "method is not a token";
        } else if (problem == null && (target.isEmpty() || hasControl(target, false))) {
            problem = "empty target or control byte in it";
        } else if (problem == null && !version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            problem = "version is not HTTP/1.1 or HTTP/1.0";
        }
        String fieldProblem = readFields(true);
        return problem != null ? problem : fieldProblem;
    }

    /** Reads header or trailer lines up to the empty line; returns the first problem, or null. */
    private String readFields(boolean intoHead) throws IOException {
        String problem = null;
        for (int lines = 0;; lines++) {
            Line line = readLine(in.read(), intoHead);
            if (line.text.isEmpty()) {
                return line.problem != null ? line.problem : problem;
            }
            if (lines == HEADER_LINES_MAX) {
                return "more than " + HEADER_LINES_MAX + " header lines";
            }
            if (problem == null) {
                problem = line.problem != null ? line.problem : field(line.text, intoHead);
            }
        }
    }

    /** Adds a header line's field; returns what is wrong with it, or null. */
    private String field(String text, boolean intoHead) {
        if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
            return "obs-fold continuation line";
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || !isToken(text.substring(0, colon))) {
            return "header line without a token name and a colon: " + text;
        }
        String value = text.substring(colon + 1).strip();
        if (hasControl(value, true)) {
            return "control byte in the value of " + text.substring(0, colon);
        }
        if (intoHead) {
            headers.add(new Header(text.substring(0, colon), value));
        }
        return null;
    }

    private String readBody() throws IOException {
        List<String> codings = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        for (Header header : headers) {
            String name = header.name().toLowerCase(Locale.ROOT);
            List<String> into = name.equals("transfer-encoding")
                    ? codings
                    : name.equals("content-length") ? lengths : null;
            if (into != null) {
                for (String item : header.value().split(",", -1)) {
                    into.add(item.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (!codings.isEmpty()) {
            if (!lengths.isEmpty()) {
                return "both Transfer-Encoding and Content-Length";
            }
            if (version.equals("HTTP/1.0")) {
                return "Transfer-Encoding in an HTTP/1.0 request";
            }
            if (!codings.getLast().equals("chunked")
                    || codings.indexOf("chunked") != codings.size() - 1 || codings.contains("")) {
                return "Transfer-Encoding " + codings + " does not end with one chunked";
            }
            return readChunked();
        }
        if (lengths.isEmpty()) {
            return null;
        }
        String length = lengths.getFirst();
        if (lengths.stream().anyMatch(l -> !l.equals(length)) || !length.matches("[0-9]{1,9}")
                || Long.parseLong(length) > BODY_BYTES_MAX) {
            return "Content-Length " + lengths + " is not one number up to " + BODY_BYTES_MAX;
        }
        copy(Integer.parseInt(length));
        return null;
    }

    private String readChunked() throws IOException {
        while (true) {
            Line sizeLine = readLine(in.read(), false, CHUNK_LINE_BYTES_MAX);
            if (sizeLine.problem != null) {
                return "chunk size line: " + sizeLine.problem;
            }
            String text = sizeLine.text;
            int digits = 0;
            while (digits < text.length() && Character.digit(text.charAt(digits), 16) >= 0) {
                digits++;
            }
            String rest = text.substring(digits).stripLeading();
            if (digits == 0 || digits > 8 || !(rest.isEmpty() || rest.startsWith(";"))
                    || hasControl(rest, true)) {
                return "chunk size line '" + text + "' is not hex digits and extensions";
            }
            long size = Long.parseLong(text.substring(0, digits), 16);
            if (body.size() + size > BODY_BYTES_MAX) {
                return "chunked body over " + BODY_BYTES_MAX + " bytes";
            }
            if (size == 0) {
                return readFields(false);
            }
            copy((int) size);
            Line end = readLine(in.read(), false);
            if (!end.text.isEmpty() || end.problem != null) {
                return "chunk data not followed by its line end";
            }
        }
    }

    private void copy(int bytes) throws IOException {
        byte[] data = in.readNBytes(bytes);
        body.write(data);
        if (data.length < bytes) {
            throw new EOFException("stream ended inside a body");
        }
    }

    /** A line without its end; {@code problem} says what made it malformed, if anything. */
    private record Line(String text, String problem) {}

    private Line readLine(int first, boolean intoHead) throws IOException {
        return readLine(first, intoHead, LINE_BYTES_MAX);
    }

    private Line readLine(int first, boolean intoHead, int bytesMax) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String problem = null;
        int previous = -1;
        for (int b = first;; b = in.read()) {
            if (b < 0) {
                throw new EOFException("stream ended inside a line");
            }
            if (intoHead) {
                head.write(b);
            }
            if (b == '\n') {
                break;
            }
            if (previous == '\r') {
                problem = "CR not followed by LF";
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > bytesMax) {
                return new Line(line.toString(StandardCharsets.ISO_8859_1), "line over "
                        + bytesMax + " bytes");
            }
            previous = b;
        }
        return new Line(line.toString(StandardCharsets.ISO_8859_1), problem);
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean token = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }

    /** A byte below 0x20 or 0x7f; a tab is allowed when {@code tabAllowed}. */
    private static boolean hasControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && !(tabAllowed && c == '\t')) || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
