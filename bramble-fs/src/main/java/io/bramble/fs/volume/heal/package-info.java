/**
 * The heal worker of {@code bramble node}: heals, from each of the node's bricks, the files its
 * index lists, through connections of its own to the other copies of the brick's replica set
 * ({@link io.bramble.fs.volume.heal.SetConnections}, which the split-brain commands open for
 * themselves too).
 */
package io.bramble.fs.volume.heal;
