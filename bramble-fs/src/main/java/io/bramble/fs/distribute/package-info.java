/**
 * The distribute translator: spreads the files of a volume over its subvolumes (the replica
 * sets) by hashing names onto per-directory layouts, with no metadata server. Owns the name
 * hash, the layouts and their xattr, pointer files, the move of a file between subvolumes
 * ({@link Move}) and {@link Distribute}; touches its subvolumes only through
 * {@link io.bramble.fs.ops.FileOps}.
 */
package io.bramble.fs.distribute;
