package io.bramble.lb.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The crypt(3) hash formats a userlist's {@code password} may hold. HAProxy hands the hash to
 * the system's crypt(3); bramble checks SHA-512 ({@code $6$}), SHA-256 ({@code $5$}), MD5
 * ({@code $1$}) and traditional DES hashes itself, and refuses the others at their line rather
 * than let a user who could never log in through.
 */
final class CryptHash {
    /** {@code $5$[rounds=N$]SALT$HASH} and {@code $6$...}: SHA-crypt, salt of 1 to 16. */
    private static final Pattern SHA_CRYPT = Pattern.compile("\\$(5\\$(rounds=[0-9]{1,9}\\$)?"
            + "[./0-9A-Za-z]{1,16}\\$[./0-9A-Za-z]{43}|6\\$(rounds=[0-9]{1,9}\\$)?"
            + "[./0-9A-Za-z]{1,16}\\$[./0-9A-Za-z]{86})");
    /** {@code $1$SALT$HASH}: MD5-crypt, salt of 1 to 8. */
    private static final Pattern MD5_CRYPT = Pattern.compile(
            "\\$1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}");
    /** Two salt characters and eleven of hash, all from crypt's alphabet. */
    private static final Pattern DES = Pattern.compile("[./0-9A-Za-z]{13}");
    static final String SUPPORTED = "SHA-512 ($6$), SHA-256 ($5$), MD5 ($1$) and DES crypt "
            + "hashes; make one with 'mkpasswd -m sha-512' or 'openssl passwd -6'";

    private CryptHash() {
    }

    /** Why bramble cannot check {@code hash}, or empty when it can. */
    static Optional<String> refusal(String hash) {
        if (SHA_CRYPT.matcher(hash).matches() || MD5_CRYPT.matcher(hash).matches()
                || DES.matcher(hash).matches()) {
            return Optional.empty();
        }
        String scheme = scheme(hash);
        return Optional.of((scheme.isEmpty()
                ? "this password is not a crypt(3) hash bramble knows"
                : "bramble cannot check " + scheme + " hashes") + "; it checks " + SUPPORTED);
    }

    private static String scheme(String hash) {
        if (hash.startsWith("$y$")) {
            return "yescrypt ($y$)";
        }
        if (hash.startsWith("$gy$")) {
            return "gost-yescrypt ($gy$)";
        }
        if (hash.startsWith("$7$")) {
            return "scrypt ($7$)";
        }
        if (hash.matches("\\$2[abxy]?\\$.*")) {
            return "bcrypt (" + hash.substring(0, hash.indexOf('$', 1) + 1) + ")";
        }
        if (hash.startsWith("$sha1$")) {
            return "SHA-1 ($sha1$)";
        }
        if (hash.startsWith("_")) {
            return "BSDi extended DES (_)";
        }
        return "";
    }
}
