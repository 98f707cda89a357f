package io.bramble.lb.http1;

/** Character classes of RFC 9110 and RFC 9112 over raw bytes. */
final class HttpBytes {
    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte SP = ' ';
    static final byte HTAB = '\t';

    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] TARGET = new boolean[256];
    private static final boolean[] HOST = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
            HOST[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
            HOST[c] = true;
            HOST[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        // Printable ASCII but the fragment mark: a target carries no fragment (RFC 9112 3.2).
        for (int c = 0x21; c < 0x7f; c++) {
            TARGET[c] = c != '#';
        }
        // reg-name, IP literal and port: unreserved, sub-delims but ',', ':', '[', ']', '%'.
        for (char c : "-._~!$&'()*+;=:[]%".toCharArray()) {
            HOST[c] = true;
        }
    }

    private HttpBytes() {
    }

    static boolean isTchar(byte b) {
        return TCHAR[b & 0xff];
    }

    static boolean isTargetByte(byte b) {
        return TARGET[b & 0xff];
    }

    static boolean isHostByte(byte b) {
        return HOST[b & 0xff];
    }

    static boolean isWhitespace(byte b) {
        return b == SP || b == HTAB;
    }

    /**
     * A byte a field value may hold: visible ASCII, space, tab and obs-text; never NUL, CR,
     * LF or another control byte, which servers read in different ways.
     */
    static boolean isFieldValueByte(byte b) {
        int c = b & 0xff;
        return c >= 0x20 && c != 0x7f || c == HTAB;
    }

    static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
