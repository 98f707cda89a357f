package io.bramble.lvs.config;

import java.time.Duration;

/**
 * When a checker runs and how it retries, as keepalived times it: every {@code delayLoop}
 * while the server is up; after a failure, {@code retry} more attempts
 * {@code delayBeforeRetry} apart before the server is declared down.
 *
 * @param delayLoop between checks ({@code delay_loop}, 60 s by default)
 * @param connectTimeout for connecting and for the whole exchange (5 s by default)
 * @param retry attempts after a failure before the server is down
 * @param delayBeforeRetry between those attempts
 */
public record CheckTiming(Duration delayLoop, Duration connectTimeout, int retry,
        Duration delayBeforeRetry) {
    public static final Duration DEFAULT_DELAY_LOOP = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** keepalived bounds retries by what an int holds; bramble by a count that ends. */
    public static final int RETRY_MAX = 1_000;
}
