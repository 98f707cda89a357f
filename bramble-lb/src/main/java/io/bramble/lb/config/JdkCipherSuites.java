package io.bramble.lb.config;

import io.bramble.common.config.Args;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The cipher suites this JDK has and enables by default, split into TLS 1.3 suites (no
 * {@code _WITH_} in their names) and older ones; and the reading of a cipher list against
 * them, with the words the JDK has no suite for reported at the line.
 */
final class JdkCipherSuites {
    private static final String SIGNALLING = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";

    private JdkCipherSuites() {
    }

    /** Read once: the JDK's lists do not change while it runs. */
    private static final class Lists {
        static final List<String> SUPPORTED;
        static final List<String> DEFAULTS;

        static {
            try {
                SSLContext context = SSLContext.getDefault();
                SUPPORTED = suites(context.getSupportedSSLParameters());
                DEFAULTS = suites(context.getDefaultSSLParameters());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JDK has no TLS", e);
            }
        }

        private static List<String> suites(SSLParameters parameters) {
            return Arrays.stream(parameters.getCipherSuites()).filter(s -> !s.equals(
                    SIGNALLING)).toList();
        }
    }

    /** The TLS 1.3 suites the JDK enables by default, best first. */
    static List<String> tls13Defaults() {
        return Lists.DEFAULTS.stream().filter(s -> !isTls12(s)).toList();
    }

    /** The older suites the JDK enables by default, best first. */
    static List<String> tls12Defaults() {
        return Lists.DEFAULTS.stream().filter(JdkCipherSuites::isTls12).toList();
    }

    /** The suites of a TLS 1.2 cipher string; empty for the JDK's defaults. */
    static Optional<List<String>> tls12(String text, Args a) {
        CipherString.Result result = CipherString.tls12(text, Set.copyOf(Lists.SUPPORTED
                .stream().filter(JdkCipherSuites::isTls12).toList()), Lists.DEFAULTS.stream()
                        .filter(JdkCipherSuites::isTls12).toList());
        return usable(result, a, "TLS 1.2 cipher suites");
    }

    /** The suites of a TLS 1.3 list. */
    static Optional<List<String>> tls13(String text, Args a) {
        CipherString.Result result = CipherString.tls13(text, Set.copyOf(Lists.SUPPORTED
                .stream().filter(s -> !isTls12(s)).toList()));
        return usable(result, a, "TLS 1.3 cipher suites");
    }

    private static Optional<List<String>> usable(CipherString.Result result, Args a,
            String what) {
        if (result.jdkDefaults()) {
            return Optional.empty();
        }
        if (result.suites().isEmpty()) {
            throw a.fail("no usable " + what + " in this list" + (result.unknown().isEmpty()
                    ? ""
                    : ": the JDK has nothing for " + String.join(", ", result.unknown())));
        }
        if (!result.unknown().isEmpty()) {
            a.warning("the JDK has no equivalent of " + String.join(", ", result.unknown())
                    + "; dropped, the list keeps " + String.join(", ", result.suites()));
        }
        return Optional.of(result.suites());
    }

    private static boolean isTls12(String suite) {
        return suite.contains("_WITH_");
    }
}
