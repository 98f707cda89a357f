package io.bramble.lb.stick;

import io.bramble.lb.config.StickFetch;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.OptionalLong;

/**
 * Evaluates the stick table fetches of ACLs as HAProxy 2.6 does: an untracked counter, or a
 * datum its table does not store, gives no value (so no pattern matches); a key missing from
 * the table reads 0; {@code inc_gpc0} raises gpc0 first, and {@code src_inc_gpc0} makes the
 * client address's entry when it is missing.
 */
public final class StickFetches {
    private StickFetches() {
    }

    /** The value, or empty when the fetch has none. */
    public static OptionalLong read(StickFetch fetch, StickCounters counters,
            InetAddress source) {
        if (counters == null) {
            return OptionalLong.empty();
        }
        return switch (fetch.source()) {
            case TRACKED -> tracked(fetch, counters);
            case CLIENT_ADDRESS -> clientAddress(fetch, counters, source);
            case TABLE_COUNT -> {
                StickTable table = counters.tables().named(fetch.table().orElseThrow());
                yield table == null ? OptionalLong.empty() : OptionalLong.of(table.count());
            }
        };
    }

    private static OptionalLong tracked(StickFetch fetch, StickCounters counters) {
        int n = fetch.counter();
        if (fetch.table().isEmpty()) {
            return fetch.increment()
                    ? counters.incrementGpc0(n)
                    : counters.read(n, fetch.data());
        }
        String key = counters.key(n);
        StickTable table = counters.tables().named(fetch.table().get());
        if (key == null || table == null) {
            return OptionalLong.empty();
        }
        // The tracked key looked up in another table, as HAProxy does with a table argument.
        StickEntry entry = table.key(key).map(table::find).orElse(null);
        return value(fetch, table, entry);
    }

    private static OptionalLong clientAddress(StickFetch fetch, StickCounters counters,
            InetAddress source) {
        StickTable table = counters.tables().named(fetch.table().orElseThrow());
        if (table == null || source == null) {
            return OptionalLong.empty();
        }
        String key = table.key(NetUtil.toAddressString(source)).orElse(null);
        if (key == null) {
            return OptionalLong.empty();
        }
        StickEntry entry = fetch.increment() ? table.findOrMakeTouched(key) : table.find(key);
        return value(fetch, table, entry);
    }

    private static OptionalLong value(StickFetch fetch, StickTable table, StickEntry entry) {
        if (entry == null) {
            return OptionalLong.of(0);
        }
        return fetch.increment() ? table.incrementGpc0(entry) : table.read(entry, fetch.data());
    }
}
