/**
 * Volumes as the pool's store keeps them: their type, bricks and options, the names they
 * may have and their record in the store. Owns the volume definition the node serves and
 * the mount builds its translators from; the sub-packages hold the volume commands.
 */
package io.bramble.fs.volume;
