/**
 * How other modules learn about the pool: one {@link io.bramble.pool.events.PoolListener}
 * interface for membership, liveness and quorum changes, and the events it receives.
 */
package io.bramble.pool.events;
