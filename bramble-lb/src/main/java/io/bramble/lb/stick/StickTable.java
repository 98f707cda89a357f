package io.bramble.lb.stick;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.StickDataType;
import io.bramble.lb.config.StickTableConfig;
import io.netty.util.NetUtil;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A stick table at run time, as HAProxy keeps one: at most {@code size} entries, each dropped
 * once untouched for {@code expire}; when full, a new key first drops the oldest entries no
 * connection tracks ({@code size / 256 + 1} of them, HAProxy's batch), or is not stored at all
 * with {@code nopurge}. Touching an entry (tracking it, counting an event on it) pushes its
 * expiry back; reading it does not. Thread-safe: one lock per table.
 */
public final class StickTable {
    /** Expired entries dropped by one call at most, so that no call costs much. */
    static final int PURGE_BATCH_MAX = 64;

    private final StickTableConfig config;
    private final Clock clock;
    /** In the order of their expiry: the entry touched longest ago first. */
    private final LinkedHashMap<String, StickEntry> entries = new LinkedHashMap<>();

    public StickTable(StickTableConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public StickTableConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    /**
     * The key a sample's text makes in this table, or empty when it makes none (an IPv6
     * address in an {@code ip} table, text that is no integer in an {@code integer} one).
     */
    public Optional<String> key(String sample) {
        return switch (config.keyType()) {
            case IP, IPV6 -> address(sample);
            case INTEGER -> integer(sample);
            case STRING -> Optional.of(sample.length() > config.keyLength()
                    ? sample.substring(0, config.keyLength())
                    : sample);
        };
    }

    private Optional<String> address(String sample) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(sample);
        if (bytes == null) {
            return Optional.empty();
        }
        boolean v4 = config.keyType() == StickTableConfig.KeyType.IP;
        if (bytes.length == 16 && v4) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return Optional.empty();
                }
            }
            if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
                return Optional.empty();
            }
            bytes = java.util.Arrays.copyOfRange(bytes, 12, 16);
        } else if (bytes.length == 4 && !v4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        return Optional.of(NetUtil.bytesToIpAddress(bytes));
    }

    private static Optional<String> integer(String sample) {
        try {
            return Optional.of(Integer.toUnsignedString((int) Long.parseLong(sample.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Entries held now, expired ones dropped first ({@code table_cnt}). */
    public synchronized long count() {
        purgeExpired(clock.millis());
        return entries.size();
    }

    /**
     * Starts tracking {@code key}'s entry, made if missing: conn_cur, conn_cnt and conn_rate
     * count one more connection, as when HAProxy starts tracking. Null when the table can
     * take no new entry.
     */
    synchronized StickEntry track(String key) {
        long now = clock.millis();
        StickEntry entry = findOrMake(key, now);
        if (entry == null) {
            return null;
        }
        entry.references++;
        entry.counts[StickDataType.CONN_CUR.ordinal()]++;
        add(entry, StickDataType.CONN_CNT, StickDataType.CONN_RATE, 1, now);
        touch(entry, now);
        return entry;
    }

    /** Ends one tracking of {@code entry}: conn_cur counts one connection less. */
    synchronized void release(StickEntry entry) {
        int conn = StickDataType.CONN_CUR.ordinal();
        entry.counts[conn] = Math.max(0, entry.counts[conn] - 1);
        entry.references = Math.max(0, entry.references - 1);
        if (entries.get(entry.key) == entry) {
            touch(entry, clock.millis());
        }
    }

    /** Counts {@code amount} events on a counter and its rate, storing what is stored. */
    synchronized void count(StickEntry entry, StickDataType counter, StickDataType rate,
            long amount) {
        long now = clock.millis();
        add(entry, counter, rate, amount, now);
        if (entries.get(entry.key) == entry) {
            touch(entry, now);
        }
    }

    /**
     * Adds one to gpc0 and its rate; the new gpc0 (0 when only the rate is stored), or empty
     * when the table stores neither.
     */
    synchronized OptionalLong incrementGpc0(StickEntry entry) {
        if (!config.stores(StickDataType.GPC0) && !config.stores(StickDataType.GPC0_RATE)) {
            return OptionalLong.empty();
        }
        count(entry, StickDataType.GPC0, StickDataType.GPC0_RATE, 1);
        return OptionalLong.of(entry.counts[StickDataType.GPC0.ordinal()]);
    }

    /** Sets gpt0; false when the table does not store it. */
    synchronized boolean setGpt0(StickEntry entry, long value) {
        if (!config.stores(StickDataType.GPT0)) {
            return false;
        }
        entry.counts[StickDataType.GPT0.ordinal()] = value & FreqCounter.COUNT_MAX;
        if (entries.get(entry.key) == entry) {
            touch(entry, clock.millis());
        }
        return true;
    }

    /** The value of {@code type} on {@code entry}; empty when the table does not store it. */
    synchronized OptionalLong read(StickEntry entry, StickDataType type) {
        if (!config.stores(type)) {
            return OptionalLong.empty();
        }
        if (type.rate()) {
            FreqCounter rate = entry.rates[type.ordinal()];
            return OptionalLong.of(rate == null
                    ? 0
                    : rate.read(clock.millis(), config.periodMs(type)));
        }
        return OptionalLong.of(entry.counts[type.ordinal()]);
    }

    /** The live entry of {@code key}, without touching it; null when there is none. */
    synchronized StickEntry find(String key) {
        long now = clock.millis();
        purgeExpired(now);
        StickEntry entry = entries.get(key);
        if (entry != null && expired(entry, now)) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    /** The entry of {@code key}, made and touched if missing; null when the table is full. */
    synchronized StickEntry findOrMakeTouched(String key) {
        long now = clock.millis();
        StickEntry entry = findOrMake(key, now);
        if (entry != null) {
            touch(entry, now);
        }
        return entry;
    }

    private StickEntry findOrMake(String key, long now) {
        purgeExpired(now);
        StickEntry entry = entries.get(key);
        if (entry != null && !expired(entry, now)) {
            return entry;
        }
        if (entry != null) {
            entries.remove(key);
        }
        if (entries.size() >= config.size() && (config.noPurge() || !dropOldest())) {
            return null;
        }
        entry = new StickEntry(key);
        for (StickDataType type : config.stored().keySet()) {
            if (type.rate()) {
                entry.rates[type.ordinal()] = new FreqCounter();
            }
        }
        entries.put(key, entry);
        return entry;
    }

    private void add(StickEntry entry, StickDataType counter, StickDataType rate, long amount,
            long now) {
        if (config.stores(counter)) {
            int i = counter.ordinal();
            entry.counts[i] = Math.min(FreqCounter.COUNT_MAX, entry.counts[i] + amount);
        }
        if (config.stores(rate)) {
            entry.rates[rate.ordinal()].add(now, config.periodMs(rate), amount);
        }
    }

    /** Pushes the expiry back and moves the entry to the end of the expiry order. */
    private void touch(StickEntry entry, long now) {
        entry.expiresAtMs = config.expireMs().map(ms -> now + ms).orElse(Long.MAX_VALUE);
        entries.remove(entry.key);
        entries.put(entry.key, entry);
    }

    private boolean expired(StickEntry entry, long now) {
        return entry.references == 0 && entry.expiresAtMs <= now;
    }

    /**
     * Drops expired entries from the front of the expiry order. A tracked one is kept: its
     * release touches it, so that it expires a whole {@code expire} after its last use.
     */
    private void purgeExpired(long now) {
        Iterator<StickEntry> oldest = entries.values().iterator();
        for (int seen = 0; seen < PURGE_BATCH_MAX && oldest.hasNext(); seen++) {
            StickEntry entry = oldest.next();
            if (entry.expiresAtMs > now) {
                return;
            }
            if (entry.references == 0) {
                oldest.remove();
            }
        }
    }

    /** Drops the oldest untracked entries, HAProxy's batch of them; false when none went. */
    private boolean dropOldest() {
        long batch = config.size() / 256 + 1;
        long dropped = 0;
        Iterator<StickEntry> oldest = entries.values().iterator();
        for (int seen = 0; dropped < batch && seen < batch + PURGE_BATCH_MAX
                && oldest.hasNext(); seen++) {
            if (oldest.next().references == 0) {
                oldest.remove();
                dropped++;
            }
        }
        return dropped > 0;
    }
}
