package io.bramble.lb.acl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a TLS ClientHello from the first bytes a client sent, without taking them, as HAProxy's
 * {@code req.ssl_hello_type}, {@code req.ssl_sni} and {@code req.ssl_alpn} do: only the raw
 * bytes of the connection, never a deciphered stream. Each read gives its values, or none with
 * {@link Peek#tooShort()} set when more bytes could still give one (HAProxy's "may change"),
 * so that a tcp-request content rule waits for them. Any input gives a value or none, never an
 * exception: every length is checked against the bytes there are.
 */
public final class TlsClientHello {
    /** The record type of a TLS handshake. */
    private static final int HANDSHAKE = 0x16;
    private static final int CLIENT_HELLO = 1;
    private static final int EXTENSION_SERVER_NAME = 0;
    private static final int EXTENSION_ALPN = 16;
    /** The shortest ClientHello body that can carry an extension, as HAProxy bounds it. */
    private static final int HELLO_WITH_EXTENSION_BYTES_MIN = 2 + 32 + 1 + 2 + 2 + 1 + 1 + 2 + 2;
    private static final int SESSION_ID_BYTES_MAX = 32;

    /**
     * What a read found.
     *
     * @param values the values, in the order sent; empty when there is none
     * @param tooShort the bytes end before the answer: more of them could give a value
     */
    public record Peek(List<String> values, boolean tooShort) {
        static final Peek NONE = new Peek(List.of(), false);
        static final Peek TOO_SHORT = new Peek(List.of(), true);

        public Peek {
            values = List.copyOf(values);
        }
    }

    private TlsClientHello() {
    }

    /**
     * {@code req.ssl_hello_type}: the handshake type of the first message of an SSLv3 or later
     * record (1 for a ClientHello), once that whole message is in.
     */
    public static Peek helloType(byte[] data, int length) {
        if (length < 1) {
            return Peek.TOO_SHORT;
        }
        int type = data[0] & 0xff;
        if (!(type >= 0x14 && type <= 0x17 || type == 0xff)) {
            return Peek.NONE;
        }
        if (length < 9) {
            return Peek.TOO_SHORT;
        }
        if ((data[1] & 0xff) < 3 || u16(data, 3) < 4) {
            return Peek.NONE;
        }
        int messageBytes = (int) u24(data, 6);
        if (length < 9 + messageBytes) {
            return Peek.TOO_SHORT;
        }
        return new Peek(List.of(Integer.toString(data[5] & 0xff)), false);
    }

    /** {@code req.ssl_sni}: the host name of the ClientHello's server_name extension. */
    public static Peek serverName(byte[] data, int length) {
        return extension(data, length, EXTENSION_SERVER_NAME, TlsClientHello::hostName);
    }

    /** {@code req.ssl_alpn}: each protocol of the ClientHello's ALPN extension, in order. */
    public static Peek alpn(byte[] data, int length) {
        return extension(data, length, EXTENSION_ALPN, TlsClientHello::protocols);
    }

    /** Reads the values of one extension of a whole ClientHello. */
    private interface ExtensionReader {
        List<String> read(byte[] data, int from, int to);
    }

    private static Peek extension(byte[] data, int length, int wanted, ExtensionReader reader) {
        if (length < 1) {
            return Peek.TOO_SHORT;
        }
        if ((data[0] & 0xff) != HANDSHAKE) {
            return Peek.NONE;
        }
        if (length < 5) {
            return length >= 2 && (data[1] & 0xff) < 3 ? Peek.NONE : Peek.TOO_SHORT;
        }
        if ((data[1] & 0xff) < 3 || u16(data, 3) < 4 + HELLO_WITH_EXTENSION_BYTES_MIN) {
            return Peek.NONE;
        }
        if (length < 6) {
            return Peek.TOO_SHORT;
        }
        if ((data[5] & 0xff) != CLIENT_HELLO) {
            return Peek.NONE;
        }
        if (length < 9) {
            return Peek.TOO_SHORT;
        }
        long helloBytes = u24(data, 6);
        if (helloBytes < HELLO_WITH_EXTENSION_BYTES_MIN) {
            return Peek.NONE;
        }
        if (length < 9 + helloBytes) {
            return Peek.TOO_SHORT;
        }
        int end = 9 + (int) helloBytes;
        int at = 9;
        if ((data[at] & 0xff) < 3 || (data[at] & 0xff) == 3 && (data[at + 1] & 0xff) < 1) {
            return Peek.NONE; // TLS 1.0 at least, as HAProxy asks
        }
        at += 2 + 32;
        int sessionIdBytes = data[at] & 0xff;
        if (sessionIdBytes > SESSION_ID_BYTES_MAX) {
            return Peek.NONE;
        }
        at = skip(data, at + 1 + sessionIdBytes, end, 2); // cipher suites
        at = skip(data, at, end, 1); // compression methods
        if (at < 0 || at + 2 > end) {
            return Peek.NONE;
        }
        int extensionsEnd = at + 2 + u16(data, at);
        if (extensionsEnd > end) {
            return Peek.NONE;
        }
        at += 2;
        while (at + 4 <= extensionsEnd) {
            int type = u16(data, at);
            int next = at + 4 + u16(data, at + 2);
            if (next > extensionsEnd) {
                return Peek.NONE;
            }
            if (type == wanted) {
                return new Peek(reader.read(data, at + 4, next), false);
            }
            at = next;
        }
        return Peek.NONE;
    }

    /** The host_name entry of a server_name extension's body. */
    private static List<String> hostName(byte[] data, int from, int to) {
        if (from + 2 > to) {
            return List.of();
        }
        int at = from + 2;
        int listEnd = Math.min(to, at + u16(data, from));
        while (at + 3 <= listEnd) {
            int type = data[at] & 0xff;
            int nameBytes = u16(data, at + 1);
            if (at + 3 + nameBytes > listEnd) {
                return List.of();
            }
            if (type == 0 && nameBytes > 0) {
                return List.of(new String(data, at + 3, nameBytes,
                        StandardCharsets.ISO_8859_1));
            }
            at += 3 + nameBytes;
        }
        return List.of();
    }

    /** The protocol names of an ALPN extension's body. */
    private static List<String> protocols(byte[] data, int from, int to) {
        if (from + 2 > to) {
            return List.of();
        }
        int at = from + 2;
        int listEnd = Math.min(to, at + u16(data, from));
        List<String> names = new ArrayList<>();
        while (at < listEnd) {
            int nameBytes = data[at] & 0xff;
            if (nameBytes == 0 || at + 1 + nameBytes > listEnd) {
                break;
            }
            names.add(new String(data, at + 1, nameBytes, StandardCharsets.ISO_8859_1));
            at += 1 + nameBytes;
        }
        return names;
    }

    /**
     * The offset after a vector whose length takes {@code lengthBytes} bytes at {@code at};
     * -1 when it does not end before {@code end}.
     */
    private static int skip(byte[] data, int at, int end, int lengthBytes) {
        if (at < 0 || at + lengthBytes > end) {
            return -1;
        }
        int size = lengthBytes == 1 ? data[at] & 0xff : u16(data, at);
        int next = at + lengthBytes + size;
        return next > end ? -1 : next;
    }

    private static int u16(byte[] data, int at) {
        return (data[at] & 0xff) << 8 | data[at + 1] & 0xff;
    }

    private static long u24(byte[] data, int at) {
        return (long) (data[at] & 0xff) << 16 | (data[at + 1] & 0xff) << 8 | data[at + 2] & 0xff;
    }
}
