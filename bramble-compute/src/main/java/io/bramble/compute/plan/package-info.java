/**
 * What the pool's compute cluster should be, as recorded in the pool's store: which member runs
 * Spark's master, which members run workers and with what. Pure data and its parsing; no I/O.
 */
package io.bramble.compute.plan;
