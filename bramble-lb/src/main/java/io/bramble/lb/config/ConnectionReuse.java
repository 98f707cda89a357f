package io.bramble.lb.config;

/**
 * {@code http-reuse}: which requests may go over an idle server connection another request
 * used before. HAProxy's default is {@link #SAFE}.
 */
public enum ConnectionReuse {
    /** Every request gets a connection of its own. */
    NEVER,
    /**
     * A client connection's first request reuses a connection only when it can be retried
     * safely if that connection turns out closed (idempotent, or its body not yet sent);
     * later requests of a client connection may reuse any idle connection.
     */
    SAFE,
    /** Any request may reuse an idle connection that has served more than one request. */
    AGGRESSIVE,
    /** Any request may reuse any idle connection. */
    ALWAYS;

    public static final ConnectionReuse DEFAULT = SAFE;
}
