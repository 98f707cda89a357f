package io.bramble.lvs.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The settings a virtual server passes down to its real servers and a real server to its
 * checkers, as keepalived layers them: each level's value when set, else its parent's, else
 * the checker's default. Null means "not set here".
 */
final class Tunables {
    static final Duration TIMER_MAX = Duration.ofDays(1);
    static final Duration TIMER_MIN = Duration.ofMillis(1);

    private final Tunables parent;
    Duration delayLoop;
    Duration connectTimeout;
    Integer retry;
    Duration delayBeforeRetry;
    Boolean alpha;
    Boolean inhibitOnFailure;
    String virtualhost;

    Tunables(Tunables parent) {
        this.parent = parent;
    }

    /** The value set here or above, else {@code fallback}. */
    <V> V resolve(Function<Tunables, V> field, V fallback) {
        for (Tunables level = this; level != null; level = level.parent) {
            V value = field.apply(level);
            if (value != null) {
                return value;
            }
        }
        return fallback;
    }

    CheckTiming timing(int defaultRetry, Duration defaultDelayBeforeRetry) {
        return new CheckTiming(resolve(t -> t.delayLoop, CheckTiming.DEFAULT_DELAY_LOOP),
                resolve(t -> t.connectTimeout, CheckTiming.DEFAULT_CONNECT_TIMEOUT),
                resolve(t -> t.retry, defaultRetry),
                resolve(t -> t.delayBeforeRetry, defaultDelayBeforeRetry));
    }

    /** Registers the timing keywords every level reads, for targets that carry tunables. */
    static <T> KeywordTable<T> timingKeywords(KeywordTable<T> table,
            Function<T, Tunables> tunables) {
        return table
                .keyword("delay_loop", (t, a) -> tunables.apply(t).delayLoop = timer(a))
                .keyword("connect_timeout",
                        (t, a) -> tunables.apply(t).connectTimeout = timer(a))
                .keyword("retry", (t, a) -> tunables.apply(t).retry = retry(a))
                .keyword("nb_get_retry", (t, a) -> tunables.apply(t).retry = retry(a))
                .keyword("delay_before_retry",
                        (t, a) -> tunables.apply(t).delayBeforeRetry = timer(a))
                .warnOnly("warmup", "bramble runs the first check at start-up, without "
                        + "keepalived's random warm-up delay")
                .warnOnly("log_all_failures", "bramble logs every check failure");
    }

    /** keepalived's TIMER: seconds, with decimals, or a value with a unit. */
    static Duration timer(Args args) {
        Duration value = args.duration("a time in seconds", TIMER_MIN, TIMER_MAX,
                ChronoUnit.SECONDS);
        args.end();
        return value;
    }

    private static int retry(Args args) {
        int value = args.integer("a retry count", 0, CheckTiming.RETRY_MAX);
        args.end();
        return value;
    }

    /** keepalived's optional BOOL after a flag: none, on/off, true/false, yes/no. */
    static boolean flag(Args args) {
        if (!args.hasNext()) {
            return true;
        }
        String word = args.choice("on or off", "on", "off", "true", "false", "yes", "no");
        args.end();
        return word.equals("on") || word.equals("true") || word.equals("yes");
    }
}
