package io.bramble.lb.acl;

import io.bramble.lb.config.UserPassword;
import io.bramble.lb.config.Userlist;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.commons.codec.digest.Crypt;

/**
 * The user a request's {@code Authorization: Basic ...} credentials prove, checked against a
 * userlist as HAProxy's {@code http_auth} checks them: the first {@code Authorization} header,
 * scheme {@code Basic} in any case, base64 of {@code USER:PASSWORD} split at the first colon;
 * a hashed password is checked through crypt(3)'s algorithm (Apache Commons Codec's
 * {@link Crypt}), a clear one compared in constant time. Pure: no state, no I/O.
 */
final class BasicCredentials {
    /** A longer header is not credentials a userlist could hold; HAProxy's buffer bounds it. */
    static final int HEADER_CHARS_MAX = 8_192;

    private BasicCredentials() {
    }

    /** The userlist's user whose name and password the header values give, if any. */
    static Optional<Userlist.User> user(Userlist userlist, List<String> authorization) {
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        byte[] pair = decode(authorization.getFirst());
        int colon = indexOf(pair, (byte) ':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = new String(pair, 0, colon, StandardCharsets.UTF_8);
        byte[] password = Arrays.copyOfRange(pair, colon + 1, pair.length);
        Arrays.fill(pair, (byte) 0);
        try {
            return userlist.user(name).filter(u -> matches(u.password(), password));
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** The decoded {@code USER:PASSWORD}, or nothing when the value is not basic auth. */
    private static byte[] decode(String value) {
        String trimmed = value.strip();
        if (trimmed.length() > HEADER_CHARS_MAX || trimmed.length() < 6
                || !trimmed.regionMatches(true, 0, "Basic", 0, 5)
                || trimmed.charAt(5) != ' ' && trimmed.charAt(5) != '\t') {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(trimmed.substring(6).strip());
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(UserPassword expected, byte[] given) {
        return switch (expected) {
            case UserPassword.Clear clear -> MessageDigest.isEqual(
                    clear.text().getBytes(StandardCharsets.UTF_8), given);
            case UserPassword.Hashed hashed -> MessageDigest.isEqual(
                    hashed.hash().getBytes(StandardCharsets.US_ASCII),
                    crypt(given, hashed.hash()).getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static String crypt(byte[] password, String hash) {
        try {
            return Crypt.crypt(password, hash);
        } catch (IllegalArgumentException unknownSalt) {
            return ""; // the parser checked the format; nothing else can match
        }
    }
}
