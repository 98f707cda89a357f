/**
 * Volumes as the pool's store keeps them: their type, bricks and options. Owns the volume
 * definition the node serves and the mount builds its translators from.
 */
package io.bramble.fs.volume;
