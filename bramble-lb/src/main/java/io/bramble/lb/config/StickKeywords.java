package io.bramble.lb.config;

import static io.bramble.lb.config.ProxyKeywords.F_B;
import static io.bramble.lb.config.ProxyKeywords.in;

import io.bramble.common.config.Args;
import io.bramble.common.config.ConfigLine;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.KeywordTable;
import io.bramble.lb.format.RuleStage;
import io.bramble.lb.format.SampleExpression;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stick-table} and the {@code http-request} actions on stick counters:
 * {@code track-sc0..2}, {@code sc-inc-gpc0(N)} and {@code sc-set-gpt0(N)}. The
 * {@code tcp-request} track rules are read by {@link TcpRequestKeywords} through
 * {@link #track}.
 */
final class StickKeywords {
    /** HAProxy's bound on {@code expire}: its ticks wrap past 2^31 ms. */
    static final long EXPIRE_MS_MAX = Integer.MAX_VALUE;
    private static final String TYPES = "ip, ipv6, integer or string";

    private StickKeywords() {
    }

    static void register(KeywordTable<ProxySection> table) {
        table.keyword("stick-table", in(F_B, StickKeywords::stickTable));
        for (int counter = 0; counter < 3; counter++) {
            int n = counter;
            table.keyword("http-request track-sc" + n, in(F_B, (s, a) -> RuleKeywords.request(
                    s, a, new HttpRequestAction.Track(track(s, a, n, RuleStage.REQUEST)))));
            table.keyword("http-request sc-inc-gpc0(" + n + ")", in(F_B,
                    (s, a) -> RuleKeywords.request(s, a, new HttpRequestAction.IncrementGpc0(n))));
            table.keyword("http-request sc-set-gpt0(" + n + ")",
                    in(F_B, (s, a) -> RuleKeywords.request(s, a, new HttpRequestAction.SetGpt0(n,
                            a.longInteger("an integer value", 0, 0xFFFF_FFFFL)))));
        }
    }

    /**
     * {@code stick-table type T [len N] size N [expire T] [nopurge] [store D,...]}, options
     * in any order after the type.
     */
    static void stickTable(ProxySection s, Args a) {
        if (s.builder.stickTable.isPresent()) {
            throw a.fail("a proxy holds one stick-table; this one has one at "
                    + s.builder.stickTable.get().location());
        }
        a.choice("'type'", "type");
        String type = a.next("a key type (" + TYPES + ")");
        StickTableConfig.KeyType keyType = switch (type) {
            case "ip" -> StickTableConfig.KeyType.IP;
            case "ipv6" -> StickTableConfig.KeyType.IPV6;
            case "integer" -> StickTableConfig.KeyType.INTEGER;
            case "string" -> StickTableConfig.KeyType.STRING;
            case "binary" -> throw a.fail("stick-table type 'binary' is not supported by "
                    + "bramble; its tables take " + TYPES + " keys");
            default -> throw a.unexpected("a key type (" + TYPES + ")", type);
        };
        int length = StickTableConfig.STRING_LENGTH_DEFAULT;
        long size = 0;
        Optional<Long> expireMs = Optional.empty();
        boolean noPurge = false;
        Map<StickDataType, Long> stored = new EnumMap<>(StickDataType.class);
        while (a.hasNext()) {
            String option = a.next("a stick-table option");
            switch (option) {
                case "len" -> {
                    if (keyType != StickTableConfig.KeyType.STRING) {
                        throw a.fail("'len' applies to string tables only");
                    }
                    length = a.integer("a key length", 1, StickTableConfig.STRING_LENGTH_MAX);
                }
                case "size" -> size = a.sizeBytes("a number of entries", 1,
                        StickTableConfig.SIZE_MAX);
                case "expire" -> expireMs = Optional.of(a.duration("an expiry delay",
                        Duration.ZERO, Duration.ofMillis(EXPIRE_MS_MAX), ChronoUnit.MILLIS)
                        .toMillis());
                case "nopurge" -> noPurge = true;
                case "store" -> store(a, stored);
                case "peers" -> throw a.fail("'peers' is not supported by bramble; "
                        + UnsupportedKeywords.PEERS);
                case "srvkey", "write-to", "recv-only" -> throw a.fail("stick-table option '"
                        + option + "' is not supported by bramble");
                default -> throw a.unexpected("a stick-table option (len, size, expire, "
                        + "nopurge, store)", option);
            }
        }
        if (size == 0) {
            throw a.fail("stick-table needs a size: write 'size N'");
        }
        s.builder.stickTable = Optional.of(new StickTableConfig(s.builder.name, keyType, length,
                size, expireMs, noPurge, stored, ProxySection.location(a)));
    }

    /** {@code store D1,D2(PERIOD),...}: what each entry keeps. */
    private static void store(Args a, Map<StickDataType, Long> stored) {
        for (String written : a.next("data types to store").split(",")) {
            int open = written.indexOf('(');
            String name = open < 0 ? written : written.substring(0, open);
            StickDataType type = StickDataType.named(name).orElseThrow(() -> a.fail(
                    "stick-table data type " + Args.quote(name) + " is not supported by bramble;"
                            + " it stores " + supportedTypes()));
            if (type.rate() != (open >= 0) || open >= 0 && !written.endsWith(")")) {
                throw a.fail(type.rate()
                        ? "data type '" + name + "' needs its period: " + name + "(PERIOD)"
                        : "data type '" + name + "' takes no period");
            }
            long periodMs = 0;
            if (type.rate()) {
                String period = written.substring(open + 1, written.length() - 1);
                Args inner = new Args(new ConfigLine(a.where(), List.of(name, period)), 1,
                        new Diagnostics());
                periodMs = inner.duration("the period of " + name, Duration.ofMillis(1),
                        Duration.ofMillis(EXPIRE_MS_MAX), ChronoUnit.MILLIS).toMillis();
            }
            stored.put(type, periodMs);
        }
    }

    private static String supportedTypes() {
        StringBuilder names = new StringBuilder();
        for (StickDataType type : StickDataType.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(type.word())
                    .append(type.rate() ? "(PERIOD)" : "");
        }
        return names.toString();
    }

    /**
     * {@code track-scN KEY [table TABLE]} up to a condition; KEY is any sample expression in
     * http-request rules, and {@code src} in tcp-request rules, which see only the address.
     */
    static StickTrack track(ProxySection s, Args a, int counter, RuleStage stage) {
        String written = a.next("a key such as src");
        Optional<SampleExpression> key = Optional.empty();
        if (!written.equals("src")) {
            if (stage == null) {
                throw a.fail("tcp-request track rules of bramble take 'src' as their key, got "
                        + Args.quote(written));
            }
            try {
                key = Optional.of(SampleExpression.parse(written, stage));
            } catch (IllegalArgumentException e) {
                throw a.fail(e.getMessage());
            }
        }
        String table = s.builder.name;
        if (a.nextIf("table")) {
            table = a.next("a table (a proxy's name)");
        }
        s.tableReferences.add(new StickTableReferences.Reference(table, a.where(),
                a.keyword()));
        return new StickTrack(counter, key, table, ProxySection.location(a));
    }
}
