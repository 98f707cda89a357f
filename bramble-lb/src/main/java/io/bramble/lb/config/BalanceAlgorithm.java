package io.bramble.lb.config;

/** {@code balance ALGORITHM}; HAProxy's default is {@link #ROUNDROBIN}. */
public enum BalanceAlgorithm {
    /** Weighted, smooth, and follows weight changes at run time. */
    ROUNDROBIN,
    /** Weighted rotation fixed at start; weight changes apply only to new cycles. */
    STATIC_RR,
    /** The server with the fewest current connections relative to its weight. */
    LEASTCONN,
    /** A hash of the client address picks the server. */
    SOURCE,
    /** A hash of the request path (or the whole URI with {@code whole}) picks the server. */
    URI,
    /** The first server, in declaration order, with a free connection slot. */
    FIRST,
    /** Random weighted choice (power of {@code draws} choices). */
    RANDOM;

    public static final BalanceAlgorithm DEFAULT = ROUNDROBIN;

    /**
     * Whether the server follows from the request or a draw (HAProxy's hash-based kind), so
     * that {@code option prefer-last-server} does not apply.
     */
    public boolean hashes() {
        return this == SOURCE || this == URI || this == RANDOM;
    }

    /** The keyword as written after {@code balance}. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
