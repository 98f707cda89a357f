package io.bramble.lb.persist;

/**
 * Locating one cookie in {@code Cookie: a=1; b=2} and {@code Set-Cookie: a=1; Path=/} text.
 * Spans are {@code [nameStart, pairEnd, valueStart, valueEnd]} offsets into the text.
 */
final class CookieText {
    private CookieText() {
    }

    /** The span of cookie {@code name} in a Cookie header, or null. */
    static int[] find(String header, String name) {
        int at = 0;
        int length = header.length();
        while (at < length) {
            int end = header.indexOf(';', at);
            end = end < 0 ? length : end;
            int[] span = pair(header, at, end, name);
            if (span != null) {
                return span;
            }
            at = end + 1;
        }
        return null;
    }

    /** The span of the cookie set by a Set-Cookie value when it is {@code name}, or null. */
    static int[] findSetCookie(String setCookie, String name) {
        int end = setCookie.indexOf(';');
        return pair(setCookie, 0, end < 0 ? setCookie.length() : end, name);
    }

    /** The header without the cookie at {@code span}; null when nothing is left. */
    static String remove(String header, int[] span) {
        String before = header.substring(0, span[0]).strip();
        String after = header.substring(span[1]).strip();
        if (after.startsWith(";")) {
            after = after.substring(1).strip();
        }
        if (before.endsWith(";")) {
            before = before.substring(0, before.length() - 1).strip();
        }
        String joined = before.isEmpty()
                ? after
                : after.isEmpty() ? before : before + "; " + after;
        return joined.isEmpty() ? null : joined;
    }

    private static int[] pair(String text, int start, int end, String name) {
        int nameStart = start;
        while (nameStart < end && text.charAt(nameStart) == ' ') {
            nameStart++;
        }
        int equals = text.indexOf('=', nameStart);
        if (equals < 0 || equals >= end) {
            return null;
        }
        if (!text.substring(nameStart, equals).strip().equals(name)) {
            return null;
        }
        int valueStart = equals + 1;
        int valueEnd = end;
        while (valueEnd > valueStart && text.charAt(valueEnd - 1) == ' ') {
            valueEnd--;
        }
        return new int[]{nameStart, end, valueStart, valueEnd};
    }
}
