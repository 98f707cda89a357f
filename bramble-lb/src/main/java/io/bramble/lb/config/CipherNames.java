package io.bramble.lb.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSSL's names of TLS 1.2 cipher suites ({@code ECDHE-RSA-AES128-GCM-SHA256}) spelled as
 * the IANA and the JDK name them ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}). The name is
 * built from its parts: key exchange and authentication (none written means RSA), cipher,
 * mode and hash; whether the JDK has the suite is for the caller to ask.
 */
final class CipherNames {
    private static final Pattern OPENSSL = Pattern.compile(
            "(?:(ECDHE|EECDH|ECDH|DHE|EDH|DH)-(RSA|ECDSA|DSS)-)?"
                    + "(AES128|AES256|CAMELLIA128|CAMELLIA256|ARIA128|ARIA256|DES-CBC3|CHACHA20)"
                    + "(?:-(GCM|CCM8|CCM))?(?:-(SHA|SHA256|SHA384|POLY1305))?");

    private CipherNames() {
    }

    /** The IANA name of an OpenSSL suite name, when it has the shape of one. */
    static Optional<String> iana(String openssl) {
        Matcher m = OPENSSL.matcher(openssl);
        if (!m.matches()) {
            return Optional.empty();
        }
        String exchange = m.group(1) == null ? "RSA" : switch (m.group(1)) {
            case "EECDH" -> "ECDHE";
            case "EDH" -> "DHE";
            default -> m.group(1);
        } + "_" + m.group(2);
        String cipher = m.group(3);
        String mode = m.group(4);
        String hash = m.group(5);
        boolean ccm = mode != null && mode.startsWith("CCM");
        if (ccm != (hash == null)) {
            return Optional.empty();
        }
        String encryption;
        if (cipher.equals("CHACHA20")) {
            if (!hash.equals("POLY1305") || mode != null) {
                return Optional.empty();
            }
            encryption = "CHACHA20_POLY1305";
            hash = "SHA256";
        } else if ("POLY1305".equals(hash)) {
            return Optional.empty();
        } else if (cipher.equals("DES-CBC3")) {
            encryption = "3DES_EDE_CBC";
        } else {
            String family = cipher.replaceAll("\\d+$", "");
            String bits = cipher.substring(family.length());
            encryption = family + "_" + bits + "_" + (mode == null
                    ? "CBC"
                    : mode.equals("CCM8")
                            ? "CCM_8"
                            : mode);
        }
        if (ccm) {
            // CCM suites carry no hash in their IANA name: TLS_RSA_WITH_AES_128_CCM.
            return Optional.of("TLS_" + exchange + "_WITH_" + encryption);
        }
        return Optional.of("TLS_" + exchange + "_WITH_" + encryption + "_" + hash);
    }
}
