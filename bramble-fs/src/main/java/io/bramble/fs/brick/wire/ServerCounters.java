package io.bramble.fs.brick.wire;

/**
 * What a brick server has handled since it started.
 *
 * @param requests requests answered, failed ones included
 * @param expired requests answered ETIMEDOUT unrun because their deadline passed in the queue
 * @param abandoned requests not run because their client closed the connection first, having
 *     given up waiting for them
 * @param badFrames connections closed for a malformed or oversized frame, or bytes not TLS
 * @param rejected connections closed because the peer is not certified by the pool
 */
public record ServerCounters(long requests, long expired, long abandoned, long badFrames,
        long rejected) {}
