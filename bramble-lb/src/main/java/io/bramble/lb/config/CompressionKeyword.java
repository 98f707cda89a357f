package io.bramble.lb.config;

import io.bramble.common.config.Args;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code compression algo ALGO...}, {@code compression type MIME...} and
 * {@code compression offload}, in any proxy section, as HAProxy 2.6 reads them: repeated lines
 * add to the lists, and {@code offload} in a defaults section is ignored with HAProxy's
 * warning (it does not reach the sections below).
 */
final class CompressionKeyword {
    /** Entries one list may hold: far more than a real file names. */
    static final int ENTRIES_MAX = 64;

    private CompressionKeyword() {
    }

    static void compression(ProxySection s, Args a) {
        CompressionConfig now = s.builder.compression;
        String what = a.next("algo, type or offload");
        switch (what) {
            case "algo" -> s.builder.compression = new CompressionConfig(append(a,
                    now.algorithms(), algorithms(a)), now.types(), now.offload());
            case "type" -> s.builder.compression = new CompressionConfig(now.algorithms(),
                    append(a, now.types(), types(a)), now.offload());
            case "offload" -> {
                a.end();
                if (s.isDefaults) {
                    a.warning("'offload' ignored in 'defaults' section, as HAProxy ignores it");
                } else {
                    s.builder.compression = new CompressionConfig(now.algorithms(),
                            now.types(), true);
                }
            }
            default -> throw a.fail("expects 'algo', 'type' or 'offload', got " + Args.quote(
                    what));
        }
    }

    private static List<CompressionAlgorithm> algorithms(Args a) {
        List<CompressionAlgorithm> read = new ArrayList<>();
        read.add(algorithm(a, a.next("an algorithm: identity, gzip, deflate or raw-deflate")));
        while (a.hasNext()) {
            read.add(algorithm(a, a.next("an algorithm")));
        }
        return read;
    }

    private static CompressionAlgorithm algorithm(Args a, String name) {
        for (CompressionAlgorithm algorithm : CompressionAlgorithm.values()) {
            if (algorithm.configName().equals(name)) {
                return algorithm;
            }
        }
        throw a.fail(Args.quote(name) + " is not a supported algorithm; bramble has identity, "
                + "gzip, deflate and raw-deflate, as HAProxy 2.6");
    }

    private static List<String> types(Args a) {
        List<String> read = new ArrayList<>();
        read.add(a.next("a MIME type such as text/html"));
        read.addAll(a.rest());
        return read;
    }

    private static <T> List<T> append(Args a, List<T> before, List<T> added) {
        List<T> all = new ArrayList<>(before);
        all.addAll(added);
        if (all.size() > ENTRIES_MAX) {
            throw a.fail("more than " + ENTRIES_MAX + " entries in one proxy's list");
        }
        return all;
    }
}
