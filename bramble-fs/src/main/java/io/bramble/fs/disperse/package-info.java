/**
 * The pure core of disperse volumes: the erasure code ({@link ReedSolomon} over
 * {@link Gf256}) and the stripe layout of a file in its fragments ({@link StripeLayout}).
 * Touches no file, brick or network; callers hand it buffers and offsets.
 */
package io.bramble.fs.disperse;
