package io.bramble.lvs.config;

import java.time.Duration;

/**
 * {@code persistence_timeout} and {@code persistence_granularity}: clients whose addresses
 * share their first {@code prefixBits} bits keep their real server while they come back
 * within the timeout ({@code ipvsadm -p TIMEOUT -M NETMASK}).
 *
 * @param timeout how long an entry lives after its last connection
 * @param prefixBits the granularity; 32 (IPv4) or 128 (IPv6) for one client
 */
public record Persistence(Duration timeout, int prefixBits) {
    /** keepalived's timeout when the keyword has no value: 6 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(6);
}
