package io.bramble.testkit.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Splits the bytes a client received into responses, framed as RFC 9112 says: 1xx, 204 and 304
 * without a body, then chunked, Content-Length, or everything up to the close. A 101 or a
 * {@value RecordingBackend#TUNNEL_HEADER} answer turns the rest into tunnel bytes.
 */
final class ResponseSplitter {
    final List<ClientResponse> responses = new ArrayList<>();
    byte[] tunnel = new byte[0];
    /** What could not be read as a response, as ISO-8859-1 text; empty when all was. */
    String unparsed = "";
    /** Final (not 1xx) responses received whole: a close-delimited body never is. */
    int complete;
    private final byte[] bytes;
    private int at;

    private ResponseSplitter(byte[] bytes) {
        this.bytes = bytes;
    }

    static ResponseSplitter split(byte[] received) {
        ResponseSplitter splitter = new ResponseSplitter(received);
        while (splitter.at < received.length && splitter.next()) {
            // Each call reads one response.
        }
        return splitter;
    }

    /** Reads one response; false when the rest is a tunnel or could not be read. */
    private boolean next() {
        int start = at;
        int headEnd = headEnd(at);
        if (headEnd < 0) {
            return stop(start);
        }
        String[] lines = text(at, headEnd).split("\r?\n");
        at = headEnd;
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/") || !status[1].matches("\\d{3}")) {
            return stop(start);
        }
        int code = Integer.parseInt(status[1]);
        OptionalInt sequence = OptionalInt.empty();
        boolean tunnelHeader = false;
        long length = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "x-seq" -> sequence = value.matches("\\d{1,9}")
                        ? OptionalInt.of(Integer.parseInt(value))
                        : sequence;
                case "x-tunnel" -> tunnelHeader = true;
                case "content-length" -> length = value.matches("\\d{1,12}")
                        ? Long.parseLong(value)
                        : length;
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT)
                        .endsWith("chunked");
                default -> {
                }
            }
        }
        boolean tunnel = code == 101 || tunnelHeader;
        responses.add(new ClientResponse(code, sequence, tunnel));
        if (tunnel) {
            this.tunnel = Arrays.copyOfRange(bytes, at, bytes.length);
            at = bytes.length;
            complete++;
            return false;
        }
        if (code / 100 == 1 || code == 204 || code == 304) {
            complete += code >= 200 ? 1 : 0;
            return true;
        }
        if (chunked) {
            if (skipChunks()) {
                complete++;
                return true;
            }
            return stop(at);
        }
        if (length >= 0 && at + length <= bytes.length) {
            at += (int) length;
            complete++;
        } else {
            at = bytes.length;
        }
        return true;
    }

    private boolean skipChunks() {
        while (true) {
            int lineEnd = indexOf((byte) '\n', at);
            if (lineEnd < 0) {
                return false;
            }
            String sizeText = text(at, lineEnd).strip().split(";", 2)[0];
            if (!sizeText.matches("[0-9a-fA-F]{1,7}")) {
                return false;
            }
            int size = Integer.parseInt(sizeText, 16);
            at = lineEnd + 1;
            if (size == 0) {
                int trailerEnd = headEnd(at - 1);
                at = trailerEnd < 0 ? bytes.length : trailerEnd;
                return true;
            }
            at = Math.min(bytes.length, at + size);
            int dataEnd = indexOf((byte) '\n', at);
            at = dataEnd < 0 ? bytes.length : dataEnd + 1;
        }
    }

    /** The index after the empty line ending the head that starts at {@code from}; or -1. */
    private int headEnd(int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n' && i > from) {
                if (bytes[i - 1] == '\n') {
                    return i + 1;
                }
                if (bytes[i - 1] == '\r' && i - 2 >= from && bytes[i - 2] == '\n') {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private boolean stop(int from) {
        unparsed = text(from, bytes.length);
        at = bytes.length;
        return false;
    }

    private int indexOf(byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private String text(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
