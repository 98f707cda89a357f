package io.bramble.lb.format;

/**
 * How a rendered part escapes the bytes a header value must not carry, as HAProxy 2.6 does:
 * a sample's value escapes control bytes as {@code %XX}; the request line's parts
 * ({@code %HU}...) escape control bytes, bytes above 126, {@code "} and {@code #} as
 * {@code #XX}. Other tags write their value as it is.
 */
enum OutputEscape {
    /** Sample expressions: CR, LF and every control byte but the tab. */
    SAMPLE('%') {
        @Override
        boolean escapes(char c) {
            return c < 0x20 && c != '\t' || c == 0x7f;
        }
    },
    /** The request target in {@code %HU}, {@code %HP}, {@code %HPO} and {@code %HQ}. */
    URI('#') {
        @Override
        boolean escapes(char c) {
            return c < 0x20 || c >= 0x7f || c == '"' || c == '#';
        }
    },
    /** Names, addresses and numbers, which never hold a byte to escape. */
    NONE(' ') {
        @Override
        boolean escapes(char c) {
            return false;
        }
    };

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final char mark;

    OutputEscape(char mark) {
        this.mark = mark;
    }

    abstract boolean escapes(char c);

    /** Appends {@code value} escaped. */
    void append(String value, RenderedValue out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (escapes(c)) {
                out.append(mark).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
}
