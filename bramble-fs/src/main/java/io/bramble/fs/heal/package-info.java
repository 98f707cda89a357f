/**
 * Self-heal: brings the copies of a replica set that missed changes back in step with a copy
 * that took them, file by file, from the marks the replicate layer left. Copying never locks
 * the applications out: the bricks count each file's changes, and a heal clears a file's marks
 * only if nothing changed it while it was copied ({@link io.bramble.fs.ops.ChangeStamps});
 * otherwise the file is copied again.
 */
package io.bramble.fs.heal;
