package io.bramble.web.files;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The path of a request target as file-name segments under the served root: percent-decoded as
 * UTF-8, empty and {@code .} segments dropped, {@code ..} applied. After parsing, no segment is
 * empty, {@code .}, {@code ..} or contains {@code /} or NUL, so joining the segments to the root
 * can never leave it by name (symbolic links are {@link FileLookup}'s concern).
 *
 * @param segments      decoded names from the root down; empty for the root itself
 * @param endsWithSlash whether the client asked for a directory ({@code /docs/})
 * @param query         the raw query after {@code ?}, or empty
 */
public record RequestPath(List<String> segments, boolean endsWithSlash, String query) {
    public RequestPath {
        segments = List.copyOf(segments);
    }

    /** What parsing a request target gave. */
    public sealed interface Parsed permits Valid, Refused {
    }

    public record Valid(RequestPath path) implements Parsed {}

    public record Refused(Reason reason) implements Parsed {}

    /** Why a target was refused; each maps to the status Apache gives for it. */
    public enum Reason {
        /** Not {@code /...} nor {@code http://host/...}. */
        NOT_A_PATH,
        /** A {@code %} not followed by two hex digits, or bytes that are not UTF-8. */
        BAD_ENCODING,
        /** {@code ..} would climb above the root ({@code /../etc}, {@code /%2e%2e/etc}). */
        ABOVE_ROOT,
        /** A NUL byte, which no file name can hold. */
        NUL_BYTE,
        /** {@code %2F} inside a segment; Apache answers 404 unless told to allow it. */
        ENCODED_SLASH
    }

    /**
     * Parses a request target as the request line carries it. Characters are taken as bytes
     * (the HTTP decoder maps each byte of the line to one char), so raw UTF-8 works as well as
     * percent-encoded UTF-8.
     */
    public static Parsed parse(String target) {
        String path = stripOrigin(target);
        if (path == null || !path.startsWith("/")) {
            return new Refused(Reason.NOT_A_PATH);
        }
        String query = "";
        int end = firstOf(path, '?', '#');
        if (end >= 0) {
            query = path.charAt(end) == '?' ? stripFragment(path.substring(end + 1)) : "";
            path = path.substring(0, end);
        }
        List<String> segments = new ArrayList<>();
        String last = "";
        for (String raw : path.substring(1).split("/", -1)) {
            String name = decode(raw);
            if (name == null) {
                return new Refused(Reason.BAD_ENCODING);
            }
            if (name.indexOf('\0') >= 0) {
                return new Refused(Reason.NUL_BYTE);
            }
            if (name.indexOf('/') >= 0) {
                return new Refused(Reason.ENCODED_SLASH);
            }
            if (name.equals("..")) {
                if (segments.isEmpty()) {
                    return new Refused(Reason.ABOVE_ROOT);
                }
                segments.removeLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                segments.add(name);
            }
            last = name;
        }
        // "/a/", "/a/." and "/a/b/.." all name the directory a.
        boolean endsWithSlash = last.isEmpty() || last.equals(".") || last.equals("..");
        return new Valid(new RequestPath(segments, endsWithSlash, query));
    }

    /**
     * This path as a target a client can be sent to (in a {@code Location} header): segments
     * percent-encoded, with the slash and query it had.
     */
    public String toTarget() {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/');
            encode(segment, out);
        }
        if (segments.isEmpty() || endsWithSlash) {
            out.append('/');
        }
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /** The same path naming a directory ({@code /docs} becomes {@code /docs/}). */
    public RequestPath asDirectory() {
        return new RequestPath(segments, true, query);
    }

    /** The absolute form {@code http://host:port/path} becomes {@code /path}; null if broken. */
    private static String stripOrigin(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        int authority;
        if (lower.startsWith("http://")) {
            authority = "http://".length();
        } else if (lower.startsWith("https://")) {
            authority = "https://".length();
        } else {
            return target;
        }
        int slash = firstOf(target.substring(authority), '/', '?');
        if (slash < 0) {
            return "/";
        }
        String rest = target.substring(authority + slash);
        return rest.startsWith("?") ? "/" + rest : rest;
    }

    private static String stripFragment(String query) {
        int hash = query.indexOf('#');
        return hash < 0 ? query : query.substring(0, hash);
    }

    private static int firstOf(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    /** Percent-decodes one segment as UTF-8; null when malformed. */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.chars().allMatch(c -> c < 0x80)) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    return null;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c > 0xFF) {
                return null; // the request line holds bytes, so this cannot come from a client
            } else {
                bytes.put((byte) c);
            }
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.flip());
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void encode(String segment, StringBuilder out) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
    }

    /** RFC 3986 unreserved characters plus the sub-delimiters that are safe in a path. */
    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }
}
