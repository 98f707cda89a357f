/**
 * What a brick's machine reports about it for {@code volume status}: whether its server runs,
 * on which port, and the disk under it; its index of marked files for {@code volume heal};
 * what it counted for {@code volume profile} and {@code volume top}. Records and their
 * encoding between nodes; no I/O.
 */
package io.bramble.fs.volume.status;
