package io.bramble.lb.format;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The value of a sample fetch, typed as HAProxy types it, because converters cast it by
 * type: {@code lower} sees an address as its text, {@code base64} as its raw bytes. Text holds
 * one byte per character (ISO-8859-1), as header values do.
 */
public sealed interface SampleValue {
    /** The value as a string: what HAProxy's cast to {@code str} gives. */
    String text();

    /** The value as bytes, one per character: what HAProxy's cast to {@code bin} gives. */
    String bytes();

    /** A string. */
    record Text(String text) implements SampleValue {
        @Override
        public String bytes() {
            return text;
        }
    }

    /**
     * An IPv4 or IPv6 address: text in {@code inet_ntop} form ({@code ::1}, not
     * {@code 0:0:0:0:0:0:0:1}); 4 or 16 bytes in network order.
     */
    record Address(InetAddress address) implements SampleValue {
        @Override
        public String text() {
            return NetUtil.toAddressString(address);
        }

        @Override
        public String bytes() {
            return new String(address.getAddress(), StandardCharsets.ISO_8859_1);
        }
    }

    /** A signed integer: decimal text; 8 bytes, big-endian. */
    record SignedInteger(long value) implements SampleValue {
        @Override
        public String text() {
            return Long.toString(value);
        }

        @Override
        public String bytes() {
            return bigEndian(value);
        }
    }

    /** A boolean: {@code 0} or {@code 1}, and as bytes the integer 0 or 1. */
    record Bool(boolean value) implements SampleValue {
        @Override
        public String text() {
            return value ? "1" : "0";
        }

        @Override
        public String bytes() {
            return bigEndian(value ? 1 : 0);
        }
    }

    private static String bigEndian(long value) {
        char[] bytes = new char[Long.BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (char) ((value >>> (8 * (bytes.length - 1 - i))) & 0xff);
        }
        return new String(bytes);
    }
}
