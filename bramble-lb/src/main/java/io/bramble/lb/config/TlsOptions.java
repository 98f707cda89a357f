package io.bramble.lb.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TLS protocol settings of a {@code bind ... ssl} or {@code server ... ssl} line, or of
 * {@code ssl-default-bind-*} / {@code ssl-default-server-*}, as written; {@link #withDefaults}
 * combines a line's with the global defaults as HAProxy does.
 *
 * @param minVersion {@code ssl-min-ver} (or {@code force-*}), as HAProxy spells versions
 * @param maxVersion {@code ssl-max-ver} (or {@code force-*})
 * @param disabledVersions versions turned off by {@code no-sslv3}, {@code no-tlsv10} ...
 * @param ciphers TLS 1.2 suites by their JDK names, best first; empty for the JDK's defaults
 * @param cipherSuites TLS 1.3 suites, best first; empty for the JDK's defaults
 * @param noTickets {@code no-tls-tickets}
 * @param preferClientCiphers {@code prefer-client-ciphers}: the client's order of suites wins
 */
public record TlsOptions(Optional<String> minVersion, Optional<String> maxVersion,
        Set<String> disabledVersions, Optional<List<String>> ciphers,
        Optional<List<String>> cipherSuites, boolean noTickets, boolean preferClientCiphers) {
    /** Versions HAProxy names, oldest first. */
    public static final List<String> VERSIONS = List.of("SSLv3", "TLSv1.0", "TLSv1.1",
            "TLSv1.2", "TLSv1.3");
    /** The versions bramble offers (the JDK's), oldest first. */
    public static final List<String> OFFERED = List.of("TLSv1.2", "TLSv1.3");
    /** Nothing written. */
    public static final TlsOptions NONE = new TlsOptions(Optional.empty(), Optional.empty(),
            Set.of(), Optional.empty(), Optional.empty(), false, false);

    public TlsOptions {
        disabledVersions = Set.copyOf(disabledVersions);
        ciphers = ciphers.map(List::copyOf);
        cipherSuites = cipherSuites.map(List::copyOf);
    }

    /**
     * These settings over {@code defaults}, by HAProxy's rule: versions and suites not set here
     * come from the defaults; versions turned off and flags add up.
     */
    public TlsOptions withDefaults(TlsOptions defaults) {
        Set<String> disabled = new LinkedHashSet<>(defaults.disabledVersions);
        disabled.addAll(disabledVersions);
        return new TlsOptions(minVersion.or(defaults::minVersion), maxVersion.or(
                defaults::maxVersion), disabled, ciphers.or(defaults::ciphers),
                cipherSuites.or(
                        defaults::cipherSuites),
                noTickets || defaults.noTickets,
                preferClientCiphers || defaults.preferClientCiphers);
    }

    /**
     * The versions offered, oldest first: those bramble has from the minimum (TLSv1.2 unless
     * set, HAProxy's default) to the maximum, less those turned off; empty when none is left.
     */
    public List<String> versions() {
        int min = VERSIONS.indexOf(minVersion.orElse("TLSv1.2"));
        int max = maxVersion.map(VERSIONS::indexOf).orElse(VERSIONS.size() - 1);
        return OFFERED.stream().filter(v -> VERSIONS.indexOf(v) >= min
                && VERSIONS.indexOf(v) <= max && !disabledVersions.contains(v)).toList();
    }

    /**
     * The suites to enable, best first: the TLS 1.3 ones, then the older ones; each list the
     * JDK's defaults where not set. Empty when neither is set: the JDK's defaults, all of them.
     */
    public Optional<List<String>> suites() {
        if (ciphers.isEmpty() && cipherSuites.isEmpty()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>(cipherSuites.orElseGet(JdkCipherSuites::tls13Defaults));
        all.addAll(ciphers.orElseGet(JdkCipherSuites::tls12Defaults));
        return Optional.of(List.copyOf(all));
    }

    /** What is set, in the file's words; {@code none} when nothing is. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        minVersion.ifPresent(v -> parts.add("ssl-min-ver " + v));
        maxVersion.ifPresent(v -> parts.add("ssl-max-ver " + v));
        disabledVersions.stream().sorted().forEach(v -> parts.add("no " + v));
        ciphers.ifPresent(c -> parts.add("ciphers " + String.join(":", c)));
        cipherSuites.ifPresent(c -> parts.add("ciphersuites " + String.join(":", c)));
        if (noTickets) {
            parts.add("no-tls-tickets");
        }
        if (preferClientCiphers) {
            parts.add("prefer-client-ciphers");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** A text for messages: the range written and what is turned off. */
    public String describeVersions() {
        return "from " + minVersion.orElse("TLSv1.2") + " to " + maxVersion.orElse("TLSv1.3")
                + (disabledVersions.isEmpty()
                        ? ""
                        : " without " + String.join(", ",
                                disabledVersions.stream().sorted().toList()));
    }
}
