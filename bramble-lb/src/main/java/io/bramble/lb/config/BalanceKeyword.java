package io.bramble.lb.config;

import io.bramble.common.config.Args;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code balance ALGORITHM [ARGUMENTS]}. */
final class BalanceKeyword {
    private static final Pattern RANDOM_DRAWS = Pattern.compile("random\\((\\d{1,3})\\)");
    /** Real HAProxy algorithms bramble does not implement. */
    private static final String[] UNSUPPORTED = {"hdr", "url_param", "rdp-cookie", "hash"};
    /** Bound on {@code len} and {@code depth}: longer URIs are cut before hashing anyway. */
    private static final int URI_LIMIT_MAX = 65_536;

    private BalanceKeyword() {
    }

    static void balance(ProxySection s, Args a) {
        String word = a.peek().orElse("");
        Matcher random = RANDOM_DRAWS.matcher(word);
        if (random.matches()) {
            a.next("an algorithm");
            int draws = Integer.parseInt(random.group(1));
            if (draws < 1 || draws > BalanceConfig.RANDOM_DRAWS_MAX) {
                throw a.fail("expected random(N) with N from 1 to "
                        + BalanceConfig.RANDOM_DRAWS_MAX + ", got " + Args.quote(word));
            }
            a.end();
            s.builder.balance = new BalanceConfig(BalanceAlgorithm.RANDOM, false, 0, 0, draws);
            return;
        }
        String base = word.contains("(") ? word.substring(0, word.indexOf('(')) : word;
        if (Arrays.asList(UNSUPPORTED).contains(base)) {
            throw a.fail("balance " + base + " is not supported by bramble; use one of "
                    + "roundrobin, static-rr, leastconn, source, uri, first, random");
        }
        BalanceAlgorithm algorithm = a.choice("a balancing algorithm", BalanceAlgorithm.class);
        s.builder.balance = algorithm == BalanceAlgorithm.URI
                ? uri(a)
                : BalanceConfig.of(algorithm);
        a.end();
    }

    /** {@code balance uri [whole] [len N] [depth N]}. */
    private static BalanceConfig uri(Args a) {
        boolean whole = false;
        int length = 0;
        int depth = 0;
        while (a.hasNext()) {
            switch (a.choice("a uri option", "whole", "len", "depth", "path-only")) {
                case "whole" -> whole = true;
                case "len" -> length = a.integer("a length", 1, URI_LIMIT_MAX);
                case "depth" -> depth = a.integer("a depth", 1, URI_LIMIT_MAX);
                default -> throw a.fail("balance uri path-only is not supported by bramble");
            }
        }
        return new BalanceConfig(BalanceAlgorithm.URI, whole, length, depth,
                BalanceConfig.RANDOM_DRAWS_DEFAULT);
    }
}
