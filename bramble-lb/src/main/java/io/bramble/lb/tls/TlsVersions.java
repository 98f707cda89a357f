package io.bramble.lb.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The TLS versions between a minimum and an optional maximum, as the JDK names them. */
final class TlsVersions {
    /** Oldest first; older versions are never offered. */
    static final List<String> KNOWN = List.of("TLSv1.2", "TLSv1.3");

    private TlsVersions() {
    }

    static String[] between(String min, Optional<String> max) {
        List<String> result = new ArrayList<>();
        boolean in = false;
        for (String version : KNOWN) {
            in = in || version.equals(min);
            if (in) {
                result.add(version);
            }
            if (max.isPresent() && version.equals(max.get())) {
                break;
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no TLS version between " + min + " and "
                    + max.orElse("the newest"));
        }
        return result.toArray(String[]::new);
    }
}
