/**
 * The metrics a {@code bramble node} serves for Prometheus: what its bricks, brick server,
 * heal worker and pool look like now, read into a sample by a thin shell and rendered as
 * Prometheus text by a pure renderer. Owns no counter: it reads those of the bricks, the heal
 * service and the pool.
 */
package io.bramble.fs.volume.metrics;
