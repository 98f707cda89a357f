package io.bramble.lb.format;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The converters bramble runs after a fetch ({@code %[req.hdr(host),lower]}), with HAProxy
 * 2.6's results: case changes touch ASCII letters only, {@code base64} encodes the value's
 * bytes (an address's 4 or 16, an integer's 8), {@code url_dec} gives no value for a broken
 * escape.
 */
enum Converter {
    LOWER("lower") {
        @Override
        String apply(SampleValue value) {
            return asciiCase(value.text(), 'A', 'Z', 'a' - 'A');
        }
    },
    UPPER("upper") {
        @Override
        String apply(SampleValue value) {
            return asciiCase(value.text(), 'a', 'z', 'A' - 'a');
        }
    },
    BASE64("base64") {
        @Override
        String apply(SampleValue value) {
            byte[] bytes = value.bytes().getBytes(StandardCharsets.ISO_8859_1);
            return Base64.getEncoder().encodeToString(bytes);
        }
    },
    /** {@code url_dec}: {@code %XX} decoded; {@code +} becomes a space only after a {@code ?}. */
    URL_DEC("url_dec") {
        @Override
        String apply(SampleValue value) {
            return urlDecoded(value.text(), false);
        }
    },
    /** {@code url_dec(N)}, N not 0: a form, where every {@code +} is a space. */
    URL_DEC_FORM("url_dec(1)") {
        @Override
        String apply(SampleValue value) {
            return urlDecoded(value.text(), true);
        }
    };

    private final String written;

    Converter(String written) {
        this.written = written;
    }

    /** The converted value, or null when the converter gives none. */
    abstract String apply(SampleValue value);

    /** As written in a sample expression. */
    @Override
    public String toString() {
        return written;
    }

    private static String asciiCase(String text, char from, char to, int shift) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= from && chars[i] <= to) {
                chars[i] = (char) (chars[i] + shift);
            }
        }
        return new String(chars);
    }

    /** As HAProxy's, which reads a C string: decoding stops at a NUL byte. */
    private static String urlDecoded(String text, boolean form) {
        StringBuilder out = new StringBuilder(text.length());
        boolean plusIsSpace = form;
        for (int i = 0; i < text.length() && text.charAt(i) != 0; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < text.length() ? hexDigit(text.charAt(i + 1)) : -1;
                int low = i + 2 < text.length() ? hexDigit(text.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    return null;
                }
                out.append((char) (high * 16 + low));
                i += 2;
            } else {
                plusIsSpace |= c == '?';
                out.append(c == '+' && plusIsSpace ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
            return (c | 0x20) - 'a' + 10;
        }
        return -1;
    }
}
