package io.bramble.lb.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Bytes a client sends on one connection: valid requests, then mutations that may break them,
 * then the sizes of the writes that carry them. Knows which requests no mutation touched.
 *
 * @param requests the requests as generated, valid
 * @param mutations applied in order to the serialized requests
 * @param writeSizes the sizes of the successive writes; what is left goes in one last write
 */
record GeneratedStream(List<Request> requests, List<Mutation> mutations,
        List<Integer> writeSizes) {

    /**
     * A valid request. {@code chunks} empty: framed by Content-Length; otherwise the sizes of
     * its chunks, which add up to the body's length.
     *
     * @param extraHeaders header lines (without line end) added after the generated ones; a
     *                     framing mutation puts conflicting framing headers here
     */
    record Request(String method, String target, List<String> headers, byte[] body,
            List<Integer> chunks, List<String> extraHeaders) {

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            head.append("Host: fuzz\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            head.append(chunks.isEmpty()
                    ? "Content-Length: " + body.length
                    : "Transfer-Encoding: chunked").append("\r\n");
            extraHeaders.forEach(h -> head.append(h).append("\r\n"));
            out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (chunks.isEmpty()) {
                out.writeBytes(body);
                return out.toByteArray();
            }
            int at = 0;
            for (int size : chunks) {
                out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(
                        StandardCharsets.US_ASCII));
                out.write(body, at, size);
                out.writeBytes(new byte[]{'\r', '\n'});
                at += size;
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return method + " " + target + " " + (chunks.isEmpty()
                    ? "length " + body.length
                    : "chunks " + chunks) + (extraHeaders.isEmpty() ? "" : " + " + extraHeaders);
        }
    }

    /** What a mutation does. */
    enum Kind {
        /** Flips one bit of the byte at the position. */
        FLIP,
        /** Inserts the byte before the position. */
        INSERT,
        /** Removes the byte at the position. */
        DELETE,
        /** Drops everything from the position on. */
        TRUNCATE,
        /** Adds a conflicting framing header to the request at the position. */
        FRAMING
    }

    /**
     * One change to the stream.
     *
     * @param where a number spread over the stream's length: the byte at {@code where % length}
     * @param value the byte inserted, the bit flipped, or which framing header is added
     */
    record Mutation(Kind kind, int where, int value) {
        /** Framing headers a {@link Kind#FRAMING} mutation adds, chosen by its value. */
        static final List<String> FRAMING_HEADERS = List.of("Content-Length: 3",
                "Content-Length: 0", "Transfer-Encoding: chunked", "Transfer-Encoding: identity",
                "Transfer-Encoding: gzip, chunked", "Connection: Content-Length",
                "Connection: Transfer-Encoding", "Transfer-Encoding : chunked",
                "Content-Length: +1", "Transfer-Encoding:\u000bchunked", " chunked",
                "Content-Length: 1\r\n Content-Length: 2");

        @Override
        public String toString() {
            return kind == Kind.FRAMING
                    ? "add header "
                            + FRAMING_HEADERS.get(value % FRAMING_HEADERS.size()).replace("\r\n",
                                    "\\r\\n")
                            + " to request at " + where
                    : kind.name().toLowerCase(Locale.ROOT) + " at " + where + " (" + value + ")";
        }
    }

    /** The stream with its mutations applied. */
    byte[] bytes() {
        return apply().bytes;
    }

    /** How many requests the stream starts with that no mutation touched. */
    int intactRequests() {
        return apply().intact;
    }

    /** How many requests have at least one byte in the stream. */
    int requestsSent() {
        return apply().sent;
    }

    private record Applied(byte[] bytes, int intact, int sent) {}

    private Applied apply() {
        List<Request> framed = new ArrayList<>(requests);
        boolean[] touched = new boolean[requests.size()];
        for (Mutation m : mutations) {
            if (m.kind() == Kind.FRAMING) {
                int index = m.where() % framed.size();
                Request r = framed.get(index);
                List<String> extra = new ArrayList<>(r.extraHeaders());
                extra.add(
                        Mutation.FRAMING_HEADERS.get(m.value() % Mutation.FRAMING_HEADERS.size()));
                framed.set(index, new Request(r.method(), r.target(), r.headers(), r.body(),
                        r.chunks(), extra));
                touched[index] = true;
            }
        }
        // Each byte's request, so byte mutations can tell which request they hit.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < framed.size(); i++) {
            byte[] bytes = framed.get(i).bytes();
            out.writeBytes(bytes);
            for (int b = 0; b < bytes.length; b++) {
                owner.add(i);
            }
        }
        List<Byte> stream = new ArrayList<>();
        for (byte b : out.toByteArray()) {
            stream.add(b);
        }
        for (Mutation m : mutations) {
            if (m.kind() == Kind.FRAMING || stream.isEmpty()) {
                continue;
            }
            int at = m.where() % stream.size();
            touched[owner.get(at)] = true;
            switch (m.kind()) {
                case FLIP -> stream.set(at, (byte) (stream.get(at) ^ (1 << (m.value() % 8))));
                case INSERT -> {
                    stream.add(at, (byte) m.value());
                    owner.add(at, owner.get(at));
                }
                case DELETE -> {
                    stream.remove(at);
                    owner.remove(at);
                }
                case TRUNCATE -> {
                    stream.subList(at, stream.size()).clear();
                    owner.subList(at, owner.size()).clear();
                }
                default -> throw new IllegalStateException(m.kind().name());
            }
        }
        byte[] bytes = new byte[stream.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = stream.get(i);
        }
        int intact = 0;
        while (intact < touched.length && !touched[intact]) {
            intact++;
        }
        int sent = owner.isEmpty() ? 0 : owner.getLast() + 1;
        return new Applied(bytes, Math.min(intact, sent), sent);
    }

    @Override
    public String toString() {
        return "requests " + requests + ", mutations " + mutations + ", writes " + writeSizes
                + ", bytes " + RawBytes.show(bytes());
    }

    /** Escaped bytes for failure messages. */
    static final class RawBytes {
        private RawBytes() {
        }

        static String show(byte[] bytes) {
            StringBuilder shown = new StringBuilder("'");
            for (byte b : Arrays.copyOf(bytes, Math.min(bytes.length, 600))) {
                int c = b & 0xff;
                shown.append(c == '\r'
                        ? "\\r"
                        : c == '\n'
                                ? "\\n"
                                : c >= 0x20 && c < 0x7f
                                        ? String.valueOf((char) c)
                                        : String.format(Locale.ROOT, "\\x%02x", c));
            }
            return shown.append(bytes.length > 600 ? "...'" : "'").toString();
        }
    }
}
