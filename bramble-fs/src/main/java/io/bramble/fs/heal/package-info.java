/**
 * Self-heal: brings the copies of a replica set that missed changes back in step with a copy
 * that took them, file by file, from the marks the replicate layer left. Copying never locks
 * the applications out: the bricks count each file's changes, and a heal clears a file's marks
 * only if nothing changed it while it was copied ({@link io.bramble.fs.ops.ChangeStamps});
 * otherwise the file is copied again. A file whose every copy is blamed (split-brain) is healed
 * only from the copy a rule chooses: the volume's
 * {@link io.bramble.fs.heal.FavoriteChildPolicy}, or a user's
 * {@link io.bramble.fs.heal.SplitBrainChoice}; the rules are pure functions of the copies'
 * attributes.
 */
package io.bramble.fs.heal;
