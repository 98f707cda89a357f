package io.bramble.lb.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An OpenSSL cipher string ({@code ciphers}, {@code ssl-default-bind-ciphers}) or TLS 1.3
 * suite list ({@code ciphersuites}) turned into the JDK suites it names, in order.
 *
 * <p>A TLS 1.2 string is read as OpenSSL reads it, word by word (separated by {@code :},
 * {@code ,} or spaces): a word adds the suites it names at the end, {@code -WORD} takes them
 * out, {@code !WORD} takes them out for good, {@code +WORD} moves them to the end. A word is a
 * suite name ({@code ECDHE-RSA-AES128-GCM-SHA256}) or classes joined by {@code +}
 * ({@code ECDHE+AESGCM}, {@code HIGH}, {@code aNULL}); classes select among the suites the JDK
 * enables by default, so they never bring back one it turned off. {@code PROFILE=SYSTEM} stands
 * for the JDK's defaults. Words that name nothing the JDK has are listed in
 * {@link Result#unknown}, for the caller to report.
 */
final class CipherString {
    /**
     * @param suites the JDK names, in order; empty with {@code jdkDefaults}
     * @param jdkDefaults the string asks for the system's choice ({@code PROFILE=SYSTEM})
     * @param unknown words with no JDK equivalent, as written
     */
    record Result(List<String> suites, boolean jdkDefaults, List<String> unknown) {}

    /** OpenSSL's cipher classes, as tests on the JDK's (IANA) suite names. */
    private static final Map<String, Predicate<String>> CLASSES = classes();

    private CipherString() {
    }

    /**
     * A TLS 1.2 cipher string.
     *
     * @param supported the TLS 1.2 suites the JDK has, any of which a suite name may pick
     * @param defaults the TLS 1.2 suites the JDK enables by default, best first
     */
    static Result tls12(String text, Set<String> supported, List<String> defaults) {
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        Set<String> banned = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String word : words(text)) {
            if (word.equals("PROFILE=SYSTEM")) {
                return new Result(List.of(), true, List.of());
            }
            if (word.startsWith("@")) {
                unknown.add(word);
                continue;
            }
            char op = "!-+".indexOf(word.charAt(0)) >= 0 ? word.charAt(0) : ' ';
            String name = op == ' ' ? word : word.substring(1);
            Optional<List<String>> matched = match(name, supported, defaults);
            if (matched.isEmpty()) {
                unknown.add(word);
                continue;
            }
            switch (op) {
                case '!' -> {
                    banned.addAll(matched.get());
                    chosen.removeAll(matched.get());
                }
                case '-' -> chosen.removeAll(matched.get());
                case '+' -> matched.get().stream().filter(chosen::remove).toList()
                        .forEach(chosen::add);
                default -> matched.get().stream().filter(s -> !banned.contains(s))
                        .forEach(chosen::add);
            }
        }
        return new Result(List.copyOf(chosen), false, List.copyOf(unknown));
    }

    /** A TLS 1.3 list: IANA names separated by {@code :}, as OpenSSL and the JDK spell them. */
    static Result tls13(String text, Set<String> supported) {
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String word : words(text)) {
            if (supported.contains(word)) {
                chosen.add(word);
            } else {
                unknown.add(word);
            }
        }
        return new Result(List.copyOf(chosen), false, List.copyOf(unknown));
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("[:, ]+")).stream().filter(w -> !w.isEmpty())
                .toList();
    }

    /** The suites a word names: one by its OpenSSL name, or a class expression's. */
    private static Optional<List<String>> match(String name, Set<String> supported,
            List<String> defaults) {
        Optional<String> iana = CipherNames.iana(name);
        if (iana.isPresent()) {
            return supported.contains(iana.get())
                    ? Optional.of(List.of(iana.get()))
                    : Optional.empty();
        }
        Predicate<String> all = suite -> true;
        for (String part : name.split("\\+")) {
            Predicate<String> test = CLASSES.get(part);
            if (test == null) {
                return Optional.empty();
            }
            all = all.and(test);
        }
        return Optional.of(defaults.stream().filter(all).toList());
    }

    private static Map<String, Predicate<String>> classes() {
        Predicate<String> any = s -> true;
        Predicate<String> none = s -> false;
        Predicate<String> rsaExchange = s -> s.startsWith("TLS_RSA_") || s.startsWith("SSL_RSA_");
        Predicate<String> ecdhe = s -> s.contains("_ECDHE_");
        Predicate<String> dhe = s -> s.contains("_DHE_");
        Predicate<String> anonymous = s -> s.contains("_anon_");
        Predicate<String> aes = s -> s.contains("_AES_");
        Predicate<String> sha1 = s -> s.endsWith("_SHA");
        return Map.ofEntries(
                Map.entry("ALL", any), Map.entry("DEFAULT", any), Map.entry("HIGH", any),
                Map.entry("COMPLEMENTOFALL", none), Map.entry("COMPLEMENTOFDEFAULT", none),
                Map.entry("MEDIUM", s -> s.contains("RC4") || s.contains("SEED")
                        || s.contains("IDEA")),
                Map.entry("LOW", s -> s.contains("_DES_CBC_")),
                Map.entry("EXP", s -> s.contains("EXPORT")),
                Map.entry("EXPORT", s -> s.contains("EXPORT")),
                Map.entry("eNULL", s -> s.contains("_WITH_NULL_")),
                Map.entry("NULL", s -> s.contains("_WITH_NULL_")),
                Map.entry("aNULL", anonymous), Map.entry("ADH", dhe.and(anonymous)),
                Map.entry("AECDH", ecdhe.and(anonymous)),
                Map.entry("MD5", s -> s.endsWith("_MD5")), Map.entry("RC4", s -> s.contains("RC4")),
                Map.entry("DES", s -> s.contains("_DES_CBC_")),
                Map.entry("3DES", s -> s.contains("3DES")),
                Map.entry("IDEA", s -> s.contains("IDEA")), Map.entry("SEED", s -> s.contains(
                        "SEED")),
                Map.entry("CAMELLIA", s -> s.contains("CAMELLIA")),
                Map.entry("ARIA", s -> s.contains("ARIA")), Map.entry("PSK", s -> s.contains(
                        "PSK")),
                Map.entry("SRP", s -> s.contains("SRP")),
                Map.entry("DSS", s -> s.contains("_DSS_")), Map.entry("aDSS", s -> s.contains(
                        "_DSS_")),
                Map.entry("RSA", rsaExchange), Map.entry("kRSA", rsaExchange),
                Map.entry("aRSA", s -> s.contains("RSA_WITH")),
                Map.entry("ECDSA", s -> s.contains("_ECDSA_")),
                Map.entry("aECDSA", s -> s.contains("_ECDSA_")),
                Map.entry("ECDHE", ecdhe), Map.entry("EECDH", ecdhe), Map.entry("kEECDH", ecdhe),
                Map.entry("kECDHE", ecdhe), Map.entry("ECDH", s -> s.contains("_ECDH")),
                Map.entry("DHE", dhe), Map.entry("EDH", dhe), Map.entry("kEDH", dhe),
                Map.entry("kDHE", dhe), Map.entry("DH", s -> s.contains("_DH")),
                Map.entry("AES", aes), Map.entry("AES128", s -> s.contains("_AES_128_")),
                Map.entry("AES256", s -> s.contains("_AES_256_")),
                Map.entry("AESGCM", aes.and(s -> s.contains("_GCM_"))),
                Map.entry("AESCCM", aes.and(s -> s.contains("_CCM"))),
                Map.entry("CHACHA20", s -> s.contains("CHACHA20")),
                Map.entry("SHA1", sha1), Map.entry("SHA", sha1),
                Map.entry("SHA256", s -> s.endsWith("_SHA256")),
                Map.entry("SHA384", s -> s.endsWith("_SHA384")),
                Map.entry("TLSv1.2", sha1.negate()), Map.entry("TLSv1", sha1),
                Map.entry("TLSv1.0", sha1), Map.entry("SSLv3", sha1));
    }
}
