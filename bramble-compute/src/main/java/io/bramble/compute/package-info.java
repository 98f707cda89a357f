/**
 * bramble's compute cluster: Spark standalone masters and workers that the pool's nodes run
 * and supervise, Spark's jars fetched once and shared through the pool, and submission of
 * applications to the pool's master.
 */
package io.bramble.compute;
