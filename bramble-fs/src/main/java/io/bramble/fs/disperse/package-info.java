/**
 * Disperse volumes: the erasure code ({@link ReedSolomon} over {@link Gf256}), the stripe
 * layout of a file in its fragments ({@link StripeLayout}), both pure, and the translator
 * that keeps a file's fragments on the children of a disperse set ({@link Disperse}) with the
 * heal of a stale fragment ({@link FragmentHeal}). Owns the {@code trusted.bramble.ec} xattr
 * of fragment files; touches its children only through {@code FileOps}.
 */
package io.bramble.fs.disperse;
