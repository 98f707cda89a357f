package io.bramble.vrrp.config;

import io.bramble.common.config.KeywordTable;
import io.bramble.vrrp.core.RiseFall;
import java.time.Duration;

/** The keywords of {@code vrrp_script}. */
final class ScriptKeywords {
    /** keepalived's bound on a script's weight. */
    static final int WEIGHT_MAX = 253;
    static final Duration INTERVAL_MIN = Duration.ofMillis(10);
    static final Duration INTERVAL_MAX = Duration.ofDays(1);
    static final Duration TIMEOUT_MAX = Duration.ofHours(1);

    static final KeywordTable<ScriptDraft> TABLE = new KeywordTable<ScriptDraft>("vrrp_script")
            .keyword("script", (s, a) -> s.command = Readers.command(a, false).words())
            .keyword("interval", (s, a) -> {
                s.intervalMs = Readers.millis(a, "seconds between runs", INTERVAL_MIN,
                        INTERVAL_MAX);
                a.end();
            })
            .keyword("timeout", (s, a) -> {
                s.timeoutMs = Readers.millis(a, "seconds a run may take", INTERVAL_MIN,
                        TIMEOUT_MAX);
                a.end();
            })
            .keyword("weight", (s, a) -> {
                s.weight = a.integer("a weight", -WEIGHT_MAX, WEIGHT_MAX);
                s.reverse = a.nextIf("reverse");
                a.end();
            })
            .keyword("rise", (s, a) -> {
                s.rise = a.integer("successes in a row", 1, RiseFall.COUNT_MAX);
                a.end();
            })
            .keyword("fall", (s, a) -> {
                s.fall = a.integer("failures in a row", 1, RiseFall.COUNT_MAX);
                a.end();
            })
            .keyword("user", (s, a) -> {
                s.user = a.next("a user name");
                if (a.hasNext()) {
                    s.user += ":" + a.next("a group name");
                }
                a.end();
            })
            .keyword("init_fail", (s, a) -> {
                a.end();
                s.initFail = true;
            });

    private ScriptKeywords() {
    }
}
