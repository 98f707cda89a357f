package io.bramble.lb.stick;

import io.bramble.lb.config.StickDataType;
import java.util.OptionalLong;

/**
 * The stick counters sc0 to sc2 of a connection or of one of its requests, as HAProxy's
 * session and stream hold them: a counter tracks one table entry from its first
 * {@code track-scN} until the connection (or the request) ends, which releases it. A
 * request's counters fall back on its connection's for a number they do not track. Confined
 * to the connection's event loop; the tables guard the entries.
 */
public final class StickCounters {
    /** HAProxy 2.6's number of stick counters, sc0 to sc2. */
    public static final int COUNTERS = 3;

    private final StickTables tables;
    /** The connection's counters for a request's; null for a connection's. */
    private final StickCounters connection;
    private final StickTable[] tracked = new StickTable[COUNTERS];
    private final StickEntry[] entries = new StickEntry[COUNTERS];

    private StickCounters(StickTables tables, StickCounters connection) {
        this.tables = tables;
        this.connection = connection;
    }

    /** A connection's counters, tracking nothing yet. */
    public static StickCounters forConnection(StickTables tables) {
        return new StickCounters(tables, null);
    }

    /** The counters of one request on this connection. */
    public StickCounters forRequest() {
        return new StickCounters(tables, this);
    }

    public StickTables tables() {
        return tables;
    }

    /**
     * {@code track-scN}: counter {@code counter} starts tracking {@code sample}'s entry in
     * {@code table}, unless it already tracks one (the first rule wins, as in HAProxy) or the
     * sample makes no key of that table. True when it tracks now through this call.
     */
    public boolean track(int counter, StickTable table, String sample) {
        if (entries[counter] != null) {
            return false;
        }
        String key = table.key(sample).orElse(null);
        StickEntry entry = key == null ? null : table.track(key);
        if (entry == null) {
            return false;
        }
        tracked[counter] = table;
        entries[counter] = entry;
        return true;
    }

    /** The table counter {@code counter} tracks here or on the connection; null when none. */
    public StickTable table(int counter) {
        if (entries[counter] != null) {
            return tracked[counter];
        }
        return connection == null ? null : connection.table(counter);
    }

    /** The key counter {@code counter} tracks; null when none. */
    public String key(int counter) {
        StickEntry entry = entry(counter);
        return entry == null ? null : entry.key;
    }

    /** The value of {@code type} on the tracked entry; empty when untracked or not stored. */
    public OptionalLong read(int counter, StickDataType type) {
        StickEntry entry = entry(counter);
        return entry == null ? OptionalLong.empty() : table(counter).read(entry, type);
    }

    /** {@code sc-inc-gpc0} and {@code sc_inc_gpc0}: the new gpc0, or empty. */
    public OptionalLong incrementGpc0(int counter) {
        StickEntry entry = entry(counter);
        return entry == null ? OptionalLong.empty() : table(counter).incrementGpc0(entry);
    }

    /** {@code sc-set-gpt0}. */
    public void setGpt0(int counter, long value) {
        StickEntry entry = entry(counter);
        if (entry != null) {
            table(counter).setGpt0(entry, value);
        }
    }

    /** A connection was accepted by the tcp-request connection rules: sess_cnt, sess_rate. */
    public void countSession() {
        countEach(StickDataType.SESS_CNT, StickDataType.SESS_RATE, 1);
    }

    /** An HTTP request: http_req_cnt and http_req_rate of every counter in use. */
    public void countHttpRequest() {
        countEach(StickDataType.HTTP_REQ_CNT, StickDataType.HTTP_REQ_RATE, 1);
    }

    /**
     * An HTTP request started tracking counter {@code counter}: it counts on that entry only,
     * the others having counted it already, as HAProxy counts it on a request's tracking.
     */
    public void countHttpRequest(int counter) {
        StickEntry entry = entries[counter];
        if (entry != null) {
            tracked[counter].count(entry, StickDataType.HTTP_REQ_CNT,
                    StickDataType.HTTP_REQ_RATE, 1);
        }
    }

    /** An HTTP error (a 4xx response, a malformed request): http_err_cnt and its rate. */
    public void countHttpError() {
        countEach(StickDataType.HTTP_ERR_CNT, StickDataType.HTTP_ERR_RATE, 1);
    }

    /** Bytes from the client ({@code in}) and to it ({@code out}). */
    public void countBytes(long in, long out) {
        if (in > 0) {
            countEach(StickDataType.BYTES_IN_CNT, StickDataType.BYTES_IN_RATE, in);
        }
        if (out > 0) {
            countEach(StickDataType.BYTES_OUT_CNT, StickDataType.BYTES_OUT_RATE, out);
        }
    }

    /** Ends this connection's or request's tracking: conn_cur counts one less on each entry. */
    public void release() {
        for (int i = 0; i < COUNTERS; i++) {
            if (entries[i] != null) {
                tracked[i].release(entries[i]);
                entries[i] = null;
                tracked[i] = null;
            }
        }
    }

    private StickEntry entry(int counter) {
        if (entries[counter] != null) {
            return entries[counter];
        }
        return connection == null ? null : connection.entry(counter);
    }

    private void countEach(StickDataType counter, StickDataType rate, long amount) {
        for (int i = 0; i < COUNTERS; i++) {
            StickEntry entry = entry(i);
            if (entry != null) {
                table(i).count(entry, counter, rate, amount);
            }
        }
    }
}
