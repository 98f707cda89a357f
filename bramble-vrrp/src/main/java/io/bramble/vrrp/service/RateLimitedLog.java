package io.bramble.vrrp.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Warnings that repeat (a peer speaking another VRRP version sends 10 adverts a second) are
 * logged once per key and gap. The keys kept are bounded.
 */
final class RateLimitedLog {
    private static final int KEYS_MAX = 1_024;

    private final long gapNanos;
    private final Map<String, Long> lastLogged = new LinkedHashMap<>();

    RateLimitedLog(long gapMs) {
        this.gapNanos = gapMs * 1_000_000L;
    }

    /** Logs a warning unless the same key was logged less than the gap ago. */
    synchronized void warn(Logger log, String key, String format, Object... arguments) {
        long now = System.nanoTime();
        Long last = lastLogged.get(key);
        if (last != null && now - last < gapNanos) {
            return;
        }
        if (lastLogged.size() >= KEYS_MAX) {
            lastLogged.remove(lastLogged.keySet().iterator().next());
        }
        lastLogged.put(key, now);
        log.warn(format, arguments);
    }
}
